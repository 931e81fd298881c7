package de.integrationsmonitor.batch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * How far a partitioned step got, read from its partitions' execution contexts: "212 of 400 Kreise" for rendering,
 * "3 of 13 files" for ingest. Used for the line that says where an interrupted run stopped.
 */
final class Progress {

    private Progress() {}

    static Optional<String> of(String managerStep, List<StepExecution> steps) {
        if (managerStep.equals(ReportJobConfiguration.RENDER_STEP)) {
            long total = 0;
            long done = 0;
            for (StepExecution s : partitions(steps, ReportJobConfiguration.RENDER_UNITS_STEP)) {
                total += ((Collection<?>) s.getExecutionContext().get(RenderUnits.UNITS, List.class, List.of())).size();
                done += ((Map<?, ?>) s.getExecutionContext().get(RenderUnits.DONE, Map.class, Map.of())).size();
            }
            return total == 0 ? Optional.empty() : Optional.of(done + " of " + total + " reports");
        }
        if (managerStep.equals(IngestJobConfiguration.INGEST_STEP)) {
            List<StepExecution> files = partitions(steps, IngestJobConfiguration.INGEST_FILE_STEP);
            long done = files.stream()
                    .filter(s -> s.getStatus() == BatchStatus.COMPLETED)
                    .count();
            return files.isEmpty() ? Optional.empty() : Optional.of(done + " of " + files.size() + " files");
        }
        return Optional.empty();
    }

    /** The worker step of a partitioned step (its partitions are named "worker:partition"). */
    static String workerOf(String managerStep) {
        return switch (managerStep) {
            case IngestJobConfiguration.INGEST_STEP -> IngestJobConfiguration.INGEST_FILE_STEP;
            case ReportJobConfiguration.RENDER_STEP -> ReportJobConfiguration.RENDER_UNITS_STEP;
            default -> managerStep;
        };
    }

    /** The latest execution of each partition of a worker step, among the given step executions. */
    static List<StepExecution> partitions(List<StepExecution> steps, String workerStep) {
        Map<String, StepExecution> latest = new java.util.TreeMap<>();
        for (StepExecution s : steps) {
            if (s.getStepName().startsWith(workerStep + ":")) {
                latest.merge(s.getStepName(), s, (a, b) -> a.getId() > b.getId() ? a : b);
            }
        }
        return List.copyOf(latest.values());
    }
}
