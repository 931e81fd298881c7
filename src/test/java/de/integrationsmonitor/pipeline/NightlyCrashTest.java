package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.testing.PostgresSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night killed with SIGKILL at random points and started again until it completes ends exactly as a night that was
 * never interrupted: the same observations per delivery, the same indicator values, byte-identical PDFs and
 * manifest. Runs the shipped sample (input/ and the example edition) in child JVMs, on H2 and on PostgreSQL.
 * {@code -Dimon.crash.seed=N} repeats a run; {@code -Dimon.crash.kills=N} sets the number of kill points.
 */
@Tag("slow")
class NightlyCrashTest {

    @TempDir
    Path work;

    @Test
    void aNightKilledAtRandomPointsEndsAsIfItHadNeverBeenInterruptedOnH2() throws Exception {
        crashAndCompare(
                new NightlyCrash.Home(work.resolve("uninterrupted"), null),
                new NightlyCrash.Home(work.resolve("interrupted"), null));
    }

    @Test
    @EnabledIf(value = "postgresAnswers", disabledReason = "no PostgreSQL answers on 127.0.0.1:5432")
    void aNightKilledAtRandomPointsEndsAsIfItHadNeverBeenInterruptedOnPostgres() throws Exception {
        String a = PostgresSchema.fresh("imon_crash_a");
        String b = PostgresSchema.fresh("imon_crash_b");
        try {
            crashAndCompare(
                    new NightlyCrash.Home(work.resolve("uninterrupted"), a),
                    new NightlyCrash.Home(work.resolve("interrupted"), b));
        } finally {
            PostgresSchema.drop(a);
            PostgresSchema.drop(b);
        }
    }

    static boolean postgresAnswers() {
        return PostgresSchema.answers();
    }

    void crashAndCompare(NightlyCrash.Home uninterrupted, NightlyCrash.Home interrupted) throws Exception {
        Path editions = Files.createDirectories(work.resolve("editions"));
        Files.copy(
                Path.of("jobs/integrationsbericht-beispiel.yml"), editions.resolve("integrationsbericht-beispiel.yml"));
        NightlyCrash night = new NightlyCrash(Path.of("input").toAbsolutePath(), editions, "2026-12-01");
        run(night, uninterrupted, interrupted);
    }

    /** The crash test proper, also for the acceptance profile's run over the real corpus. */
    static void run(NightlyCrash night, NightlyCrash.Home uninterrupted, NightlyCrash.Home interrupted)
            throws Exception {
        run(night, uninterrupted, interrupted, 3);
    }

    static void run(
            NightlyCrash night, NightlyCrash.Home uninterrupted, NightlyCrash.Home interrupted, int defaultKills)
            throws Exception {
        NightlyCrash.Start whole = night.uninterrupted(uninterrupted);
        assertThat(whole.exit()).as(whole.output()).isZero();

        long seed = Long.getLong("imon.crash.seed", System.nanoTime());
        int kills = Integer.getInteger("imon.crash.kills", defaultKills);
        int lines = NightlyCrash.progressLines(whole.output());
        List<NightlyCrash.KillPoint> points = NightlyCrash.killPoints(seed, kills, lines);
        System.out.println("crash test: seed " + seed + " (-Dimon.crash.seed), uninterrupted night " + whole.after()
                + " with " + lines + " lines of progress, kill points " + points);

        int midRun = 0;
        int resumed = 0;
        List<NightlyCrash.Start> starts = new java.util.ArrayList<>();
        // the points count progress over the whole night: a start after a kill resumes and prints only what is left,
        // so each kill point is counted from the progress the earlier starts printed
        int printed = 0;
        for (NightlyCrash.KillPoint point : points.stream()
                .sorted(java.util.Comparator.comparingInt(NightlyCrash.KillPoint::progressLines))
                .toList()) {
            NightlyCrash.Start start = night.start(
                    interrupted,
                    new NightlyCrash.KillPoint(Math.max(1, point.progressLines() - printed), point.extraMillis()));
            printed += NightlyCrash.progressLines(start.output());
            starts.add(start);
            resumed +=
                    start.output().contains("was interrupted") && start.output().contains("resuming") ? 1 : 0;
            if (start.killed() && runningExecutions(interrupted) > 0) {
                midRun++;
            }
            if (!start.killed()) {
                break; // the night ended before this point: the points after it lie beyond its end
            }
        }
        NightlyCrash.Start last = night.uninterrupted(interrupted);
        starts.add(last);
        resumed += last.output().contains("was interrupted") && last.output().contains("resuming") ? 1 : 0;
        System.out.println("crash test: " + starts.size() + " starts, "
                + starts.stream().filter(NightlyCrash.Start::killed).count() + " killed (" + midRun
                + " while a job ran), " + resumed
                + " resumed an interrupted run; last exit " + last.exit());

        assertThat(last.exit()).as(last.output()).isZero();
        assertThat(midRun).as("at least one kill lands while the night runs").isPositive();
        assertThat(resumed)
                .as("a start after such a kill finds the interrupted run and resumes it")
                .isPositive();
        assertThat(runningExecutions(interrupted))
                .as("no execution is left running")
                .isZero();
        Map<String, String> expected = NightlyCrash.state(uninterrupted);
        assertThat(expected.keySet()).anyMatch(k -> k.endsWith("manifest.txt"));
        assertThat(NightlyCrash.state(interrupted)).isEqualTo(expected);
        NightlyCrash.assertNoLeftovers(interrupted);
    }

    /** Job executions the killed process left running (STARTED): what the next start must find and recover. */
    static int runningExecutions(NightlyCrash.Home home) throws SQLException, IOException {
        if (home.postgresSchema() == null && !Files.exists(home.path().resolve("data/imon.mv.db"))) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection(
                        home.jdbcUrl(), home.postgresSchema() == null ? "sa" : PostgresSchema.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN"
                        + " ('STARTING', 'STARTED', 'STOPPING')")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).toLowerCase().contains("not found")) {
                return 0; // killed before Flyway created the job repository
            }
            throw e;
        }
    }
}
