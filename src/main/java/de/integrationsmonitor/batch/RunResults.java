package de.integrationsmonitor.batch;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.report.ReportService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * What the steps of this process's jobs produced, for the command line to print and to choose its exit code.
 * One process runs one command, so this lives as long as the process.
 */
@Component
public class RunResults {

    private final List<IngestOutcome> ingested = new CopyOnWriteArrayList<>();
    private final List<ComputationService.Summary> computations = new CopyOnWriteArrayList<>();
    private final List<ReportService.EditionResult> editions = new CopyOnWriteArrayList<>();
    private volatile Consumer<Object> watcher = event -> { };

    /** Starts a command: forgets earlier results and names who is told of each result as it happens. */
    public void begin(Consumer<Object> watcher) {
        ingested.clear();
        computations.clear();
        editions.clear();
        this.watcher = watcher;
    }

    /** A line of progress that is not a result. */
    public void progress(String line) {
        watcher.accept(line);
    }

    void ingested(IngestOutcome outcome) {
        ingested.add(outcome);
        watcher.accept(outcome);
    }

    void computed(ComputationService.Summary summary) {
        computations.add(summary);
        watcher.accept(summary);
    }

    void rendered(ReportService.EditionResult result) {
        editions.add(result);
        watcher.accept(result);
    }

    public List<IngestOutcome> ingested() {
        return List.copyOf(ingested);
    }

    public List<ComputationService.Summary> computations() {
        return List.copyOf(computations);
    }

    public List<ReportService.EditionResult> editions() {
        return List.copyOf(editions);
    }
}
