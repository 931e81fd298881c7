package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A temporary embedded database holding the corpus, for the compute and render benchmarks: created in a folder of
 * its own, the corpus ingested (not timed), deleted on close. The user's store is never touched.
 */
public final class BenchmarkStore implements AutoCloseable {

    final ScratchDatabase database;
    final ComputationService computation;

    private BenchmarkStore(ScratchDatabase database, KreisRegister register) {
        this.database = database;
        this.computation = new ComputationService(
                database.deliveries(), database.observations(), database.indicators(), register, Clock.systemUTC());
    }

    /** Computes the catalogue in one transaction of its own, as the Spring service does it for {@code imon compute}. */
    ComputationService.Summary compute(Path catalogue) {
        return database.fileTransaction().execute(status -> computation.compute(catalogue));
    }

    /** The rows of a table, e.g. {@code indicator_value}. */
    public long rows(String table) {
        return database.rows(table);
    }

    /** A fresh database with the files or folders {@code paths} ingested. */
    public static BenchmarkStore ingested(List<Path> paths, KreisRegister register, ImonSettings settings)
            throws IOException {
        BenchmarkStore store = new BenchmarkStore(ScratchDatabase.pooledH2(), register);
        try {
            IngestService ingest = new IngestService(
                    store.database.deliveries(),
                    store.database.observations(),
                    store.database.findings(),
                    register,
                    settings,
                    store.database.fileTransaction(),
                    Clock.systemUTC(),
                    IngestLimits.defaults(),
                    AuditTrail.NONE);
            List<IngestOutcome> outcomes = ingest.ingest(paths, o -> {});
            if (outcomes.stream().anyMatch(IngestOutcome::refused)) {
                throw new IllegalStateException("a file was refused: "
                        + outcomes.stream()
                                .filter(IngestOutcome::refused)
                                .map(IngestOutcome::message)
                                .toList());
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        database.close();
    }
}
