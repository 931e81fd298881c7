package de.integrationsmonitor.batch;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.report.PreparedEdition;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.publish.Publication;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The units of one render partition (Kreis reports, Land overviews of one edition): reads the units not yet
 * written and verified, writes each one's PDF into the run's staging folder, and keeps in the partition's execution
 * context the SHA-256 of every PDF written (committed after each unit). A restart therefore renders only the units
 * whose PDF is missing (from the staging folder and from the published one) or no longer has its recorded hash. A
 * unit that fails is recorded with its reason and the others go on; the publish step then ends the job failed, and
 * starting it again renders exactly the failed units.
 */
class RenderUnits implements ItemStreamReader<String>, ItemWriter<String> {

    /** Partition context: the units of the partition, in order. */
    static final String UNITS = "render.units";
    /** Partition context: unit to the SHA-256 of its written PDF. */
    static final String DONE = "render.done";
    /** Partition context: unit to the reason it failed. */
    static final String FAILED = "render.failed";

    private final ReportService reports;
    private final ImonSettings settings;
    private final ApplicationEventPublisher events;
    private final Deque<String> todo = new ArrayDeque<>();
    private final Map<String, String> done = new TreeMap<>();
    private final Map<String, String> failed = new TreeMap<>();
    private PreparedEdition prepared;
    private Publication publication;
    private String run;
    private java.time.Instant at;

    RenderUnits(ReportService reports, ImonSettings settings, ApplicationEventPublisher events) {
        this.reports = reports;
        this.settings = settings;
        this.events = events;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) throws ItemStreamException {
        EditionPlan plan = EditionPlan.of(context);
        prepared = plan.prepare(reports);
        publication = Publication.of(settings.output(), prepared.edition());
        run = plan.run();
        at = java.time.Instant.ofEpochSecond(plan.at());
        done.putAll((Map<String, String>) context.get(DONE, Map.class, Map.of()));
        for (String unit : (List<String>) context.get(UNITS, List.class, List.of())) {
            String sha = done.get(unit);
            if (sha == null
                    || !(publication.verified(run, prepared.fileName(unit), sha)
                            || publication.publishedWith(prepared.fileName(unit), sha))) {
                done.remove(unit);
                todo.add(unit);
            }
        }
    }

    @Override
    public String read() {
        return todo.poll();
    }

    @Override
    public void write(Chunk<? extends String> units) {
        for (String unit : units) {
            try {
                Provenance provenance = prepared.provenance(unit, at);
                done.put(
                        unit,
                        publication.write(run, prepared.fileName(unit), out -> prepared.render(unit, provenance, out)));
                events.publishEvent(
                        new RunEvents.UnitRendered(prepared.edition().id(), unit, false, ""));
            } catch (RuntimeException e) {
                String reason = String.valueOf(e.getMessage());
                failed.put(unit, reason);
                events.publishEvent(
                        new RunEvents.UnitRendered(prepared.edition().id(), unit, true, reason));
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.put(DONE, new LinkedHashMap<>(done));
        context.put(FAILED, new LinkedHashMap<>(failed));
    }

    /**
     * Whether a partition that completed in an earlier execution has nothing left to render: no unit failed and
     * every unit's PDF is still there with its recorded hash (staged or published). Such a partition is not sent to
     * the workers again. {@code editions} caches the prepared editions of a run.
     */
    @SuppressWarnings("unchecked")
    static boolean nothingLeft(
            ExecutionContext context,
            ReportService reports,
            ImonSettings settings,
            Map<EditionPlan, PreparedEdition> editions) {
        if (!((Map<String, String>) context.get(FAILED, Map.class, Map.of())).isEmpty()) {
            return false;
        }
        EditionPlan plan = EditionPlan.of(context);
        PreparedEdition prepared = editions.computeIfAbsent(plan, p -> p.prepare(reports));
        Publication publication = Publication.of(settings.output(), prepared.edition());
        Map<String, String> done = (Map<String, String>) context.get(DONE, Map.class, Map.of());
        for (String unit : (List<String>) context.get(UNITS, List.class, List.of())) {
            String sha = done.get(unit);
            if (sha == null
                    || !(publication.verified(plan.run(), prepared.fileName(unit), sha)
                            || publication.publishedWith(prepared.fileName(unit), sha))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One edition as a run renders it: the edition file, the computation, the Kreis asked for (or all), the inputs'
     * hash the run was planned with, the run's key (its staging folder) and the time it renders at (epoch seconds,
     * fixed when planned). Kept in execution contexts.
     */
    record EditionPlan(String file, long computation, String kreis, String inputs, String run, String id, long at) {

        static final String FILE = "edition.file";
        static final String COMPUTATION = "edition.computation";
        static final String KREIS = "edition.kreis";
        static final String INPUTS = "edition.inputs";
        static final String RUN = "edition.run";
        static final String ID = "edition.id";
        static final String AT = "edition.renderedAt";

        static EditionPlan of(ExecutionContext context) {
            return new EditionPlan(
                    context.getString(FILE),
                    context.getLong(COMPUTATION),
                    context.getString(KREIS, ""),
                    context.getString(INPUTS),
                    context.getString(RUN),
                    context.getString(ID, ""),
                    context.getLong(AT, 0L));
        }

        @SuppressWarnings("unchecked")
        static EditionPlan of(Map<String, Object> map) {
            return of(new ExecutionContext(map));
        }

        void into(ExecutionContext context) {
            context.putString(FILE, file);
            context.putLong(COMPUTATION, computation);
            context.putString(KREIS, kreis);
            context.putString(INPUTS, inputs);
            context.putString(RUN, run);
            context.putString(ID, id);
            context.putLong(AT, at);
        }

        java.util.HashMap<String, Object> asMap() {
            ExecutionContext context = new ExecutionContext();
            into(context);
            return new java.util.HashMap<>(context.toMap());
        }

        Optional<String> onlyKreis() {
            return kreis.isEmpty() ? Optional.empty() : Optional.of(kreis);
        }

        /** The edition ready to render, as planned; refused when the edition or its inputs changed since. */
        PreparedEdition prepare(ReportService reports) {
            PreparedEdition prepared = reports.prepare(EditionLoader.load(Path.of(file)), computation, onlyKreis());
            if (!prepared.inputsSha256().equals(inputs)) {
                throw new EditionException(file + ": the edition or what it rests on changed since run " + run
                        + " was planned (inputs " + inputs.substring(0, 12) + ", now "
                        + prepared.inputsSha256().substring(0, 12) + "); start the report again");
            }
            return prepared;
        }

        /** Split into partitions of at most {@code size} units each. */
        List<ExecutionContext> partitions(List<String> units, int size) {
            List<ExecutionContext> partitions = new ArrayList<>();
            for (int from = 0; from < units.size(); from += size) {
                ExecutionContext context = new ExecutionContext();
                into(context);
                context.put(UNITS, new ArrayList<>(units.subList(from, Math.min(units.size(), from + size))));
                partitions.add(context);
            }
            return partitions;
        }
    }
}
