package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.batch.Workers;
import de.integrationsmonitor.testing.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out: a manager JVM sends the render partitions of an edition to two worker JVMs over RabbitMQ, all sharing
 * one PostgreSQL schema and one IMON_HOME. The PDFs and the manifest equal those of a single-JVM run byte for byte,
 * every partition ran exactly once (the job repository says on which worker), and a worker killed with SIGKILL in
 * the middle of a partition leaves it failed after the time-out; starting the report again sends only that
 * partition and ends with the same files. Needs PostgreSQL and RabbitMQ on loopback; skipped (with the reason)
 * where either does not answer.
 */
@Tag("slow")
class RemotePartitioningTest {

    static final String EDITION_FILE = "jobs/integrationsbericht-beispiel.yml";
    static final String EDITION = "integrationsbericht-beispiel";
    static final Duration LONG = Duration.ofMinutes(20);

    @TempDir
    static Path work;

    static String referenceSchema;
    static Map<String, String> reference;
    static final List<String> schemas = new java.util.ArrayList<>();

    @BeforeAll
    static void singleJvmReference() throws Exception {
        Assumptions.assumeTrue(
                PostgresSchema.answers(),
                "no PostgreSQL answers on 127.0.0.1:5432: scale-out"
                        + " needs the database the manager and the workers share");
        Assumptions.assumeTrue(
                RemoteCluster.rabbitAnswers(),
                "no RabbitMQ answers on 127.0.0.1:5672: scale-out" + " sends partitions through it");
        referenceSchema = schema("imon_remote_ref");
        RemoteCluster one = new RemoteCluster(work.resolve("single"), referenceSchema, Duration.ofMinutes(15));
        assertThat(one.run(LONG, "run")).as(one.last).isZero();
        reference = RemoteCluster.edition(one.home, EDITION);
        assertThat(reference).containsKey("manifest.txt").hasSizeGreaterThan(10);
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        for (String schema : schemas) {
            PostgresSchema.drop(schema);
        }
    }

    static String schema(String prefix) {
        String schema = PostgresSchema.fresh(prefix);
        schemas.add(schema);
        return schema;
    }

    @Test
    void twoWorkersRenderTheEditionAsOneJvmDoesEachPartitionOnce() throws Exception {
        RemoteCluster cluster =
                new RemoteCluster(work.resolve("two-workers"), schema("imon_remote_two"), Duration.ofMinutes(10));
        assertThat(cluster.run(LONG, "ingest", "input")).as(cluster.last).isZero();
        RemoteCluster.Jvm first = cluster.worker();
        RemoteCluster.Jvm second = cluster.worker();

        assertThat(cluster.run(LONG, "report", EDITION_FILE, "--remote"))
                .as(cluster.last)
                .isZero();

        assertThat(RemoteCluster.edition(cluster.home, EDITION)).isEqualTo(reference);
        List<RemoteCluster.PartitionRun> runs = cluster.renderPartitions();
        assertThat(runs)
                .as("18 reports (15 Kreise, 2 Länder, the Statusbericht) in partitions of 3")
                .hasSize(6);
        assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo("COMPLETED"));
        assertThat(runs.stream()
                        .collect(Collectors.groupingBy(RemoteCluster.PartitionRun::partition, Collectors.counting())))
                .as("every partition ran exactly once")
                .allSatisfy((p, n) -> assertThat(n).isEqualTo(1L));
        Set<String> workers =
                runs.stream().map(RemoteCluster.PartitionRun::worker).collect(Collectors.toSet());
        assertThat(workers)
                .as("both workers took partitions, none ran in the manager")
                .containsExactlyInAnyOrder(worker(first), worker(second));

        // SIGTERM: a worker stops (after its current partition, here none) and exits 0
        first.process.destroy();
        second.process.destroy();
        assertThat(first.awaitExit(Duration.ofMinutes(2))).as(first.output()).isZero();
        assertThat(second.awaitExit(Duration.ofMinutes(2))).as(second.output()).isZero();
    }

    @Test
    void aWorkerKilledMidPartitionLeavesItFailedAndTheRestartRendersOnlyIt() throws Exception {
        // longer than a cold worker takes for its first report on a loaded machine, short enough for a test
        Duration timeout = Duration.ofMinutes(2);
        RemoteCluster cluster = new RemoteCluster(work.resolve("killed-worker"), schema("imon_remote_kill"), timeout);
        assertThat(cluster.run(LONG, "ingest", "input")).as(cluster.last).isZero();
        RemoteCluster.Jvm doomed = cluster.worker();
        RemoteCluster.Jvm survivor = cluster.worker();
        try {
            RemoteCluster.Jvm manager = cluster.start("report", EDITION_FILE, "--remote");
            assertThat(doomed.awaitLine(l -> l.contains(" rendered"), LONG))
                    .as(doomed.output())
                    .isTrue();
            doomed.process.destroyForcibly(); // SIGKILL: the partition in hand stays STARTED in the repository
            doomed.process.waitFor();
            int exit = manager.awaitExit(LONG);
            assertThat(exit).as(manager.output()).isEqualTo(3);
            assertThat(manager.output()).contains("made no progress for " + timeout + " (imon.remote.timeout)");

            List<RemoteCluster.PartitionRun> first = cluster.renderPartitions();
            List<RemoteCluster.PartitionRun> lost = first.stream()
                    .filter(r ->
                            r.worker().equals(worker(doomed)) && !r.status().equals("COMPLETED"))
                    .toList();
            assertThat(lost)
                    .as("the partition the killed worker had begun, marked failed by the manager")
                    .hasSize(1)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("FAILED"));

            assertThat(survivor.output())
                    .as("the killed worker's request, handed to the survivor by the broker," + " is not run twice")
                    .contains("partition " + lost.get(0).partition() + " not run: it is");

            assertThat(cluster.run(LONG, "report", EDITION_FILE, "--remote"))
                    .as(cluster.last)
                    .isZero();
            assertThat(cluster.last).contains("did not complete").contains("doing the rest");

            assertThat(RemoteCluster.edition(cluster.home, EDITION)).isEqualTo(reference);
            List<RemoteCluster.PartitionRun> all = cluster.renderPartitions();
            List<RemoteCluster.PartitionRun> again = all.stream()
                    .filter(r -> r.id()
                            > first.stream()
                                    .mapToLong(RemoteCluster.PartitionRun::id)
                                    .max()
                                    .orElseThrow())
                    .toList();
            assertThat(again.stream().filter(r -> !r.worker().isEmpty()))
                    .as("the restart sent only the partition that had failed, and the survivor ran it")
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.partition()).isEqualTo(lost.get(0).partition());
                        assertThat(r.worker()).isEqualTo(worker(survivor));
                        assertThat(r.status()).isEqualTo("COMPLETED");
                    });
            assertThat(all.stream()
                            .filter(r -> r.status().equals("COMPLETED")
                                    && !r.worker().isEmpty())
                            .collect(Collectors.groupingBy(
                                    RemoteCluster.PartitionRun::partition, Collectors.counting())))
                    .as("every partition completed on a worker exactly once")
                    .hasSize(6)
                    .allSatisfy((p, n) -> assertThat(n).isEqualTo(1L));
        } finally {
            doomed.process.destroyForcibly();
            survivor.process.destroy();
            survivor.awaitExit(Duration.ofMinutes(2));
        }
    }

    /** The worker identity the job repository records: host and pid. */
    static String worker(RemoteCluster.Jvm jvm) {
        return Workers.identity().replaceAll(":\\d+$", "") + ":" + jvm.pid();
    }
}
