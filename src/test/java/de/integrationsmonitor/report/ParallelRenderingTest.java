package de.integrationsmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Kreise render in parallel; one failing Kreis is reported and does not stop the others. */
class ParallelRenderingTest {

    @Test
    void aFailingKreisIsReportedWhileTheOthersAreWritten() {
        List<ParallelRendering.Job> jobs = new ArrayList<>();
        for (String ags : List.of("15001", "15002", "15003", "15081")) {
            jobs.add(new ParallelRendering.Job(ags, () -> {
                if (ags.equals("15002")) {
                    throw new IllegalStateException("template field missing for 15002");
                }
                return Path.of(ags + ".pdf");
            }));
        }
        List<String> progress = new CopyOnWriteArrayList<>();

        ParallelRendering.Outcome outcome = ParallelRendering.run(jobs, 2, progress::add);

        assertThat(outcome.written()).containsOnlyKeys("15001", "15003", "15081");
        assertThat(outcome.failed()).containsEntry("15002", "template field missing for 15002");
        assertThat(progress).containsExactly("15002 failed: template field missing for 15002");
    }
}
