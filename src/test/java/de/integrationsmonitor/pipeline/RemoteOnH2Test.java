package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.testing.Imon.Run;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 database is a file one process opens: a worker and a remote run, which need a database shared by
 * several JVMs, are refused in one line (exit 64) before anything is done.
 */
class RemoteOnH2Test extends CommandLineTest {

    @Test
    void aWorkerOnTheEmbeddedDatabaseIsRefused() {
        Run run = imon("worker");
        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err().strip())
                .isEqualTo("imon: imon worker needs the PostgreSQL database that the manager"
                        + " and every worker share (IMON_PROFILE=postgres, IMON_DB_URL); the embedded H2 database cannot"
                        + " be shared between processes");
    }

    @Test
    void aRemoteReportOrNightOnTheEmbeddedDatabaseIsRefusedAndChangesNothing() {
        Run report = imon("report", "jobs/integrationsbericht-beispiel.yml", "--remote");
        assertThat(report.exit()).isEqualTo(64);
        assertThat(report.err())
                .contains("report --remote needs the PostgreSQL database")
                .doesNotContain("\tat ");
        Run nightly = imon("nightly", "--remote", "--run-date", "2026-12-01");
        assertThat(nightly.exit()).isEqualTo(64);
        assertThat(nightly.err()).contains("nightly --remote needs the PostgreSQL database");
        assertThat(home.resolve("output/integrationsbericht-beispiel")).doesNotExist();
        assertThat(home.resolve("output/laeufe")).doesNotExist();
    }
}
