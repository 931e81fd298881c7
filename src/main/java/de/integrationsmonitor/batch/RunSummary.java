package de.integrationsmonitor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.validate.FindingStore;
import de.integrationsmonitor.validate.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a nightly run did, for the statistics department: files taken in and refused (with reasons), findings by
 * severity, what was computed and rendered, how long each step took, and anything that needs a person. Written as
 * {@code output/laeufe/<start>.json} (for machines) and {@code .txt} beside it (for people).
 */
public record RunSummary(
        String runDate,
        String started,
        String finished,
        Outcome outcome,
        String headline,
        List<Step> steps,
        String fetchNote,
        List<Fetched> fetched,
        List<FileTakenIn> takenIn,
        int alreadyStored,
        Map<String, String> refused,
        Map<String, Long> findings,
        Computation computation,
        List<Rendered> rendered,
        List<String> unchanged,
        Map<String, String> editionsRefused,
        List<String> needsAPerson) {

    /** How the night ended; the command's exit code follows from it. */
    public enum Outcome {
        /** Everything asked for was done. */
        DONE,
        /** Some input was refused; the rest went in. */
        INPUT_REFUSED,
        /** Some reports could not be rendered; the others were published. */
        REPORTS_FAILED,
        /** A step failed unexpectedly. */
        FAILED
    }

    public record Step(String name, String status, double seconds) {}

    /** One table fetched from the offices: what it gave (fetched, unchanged, no data, failed, refused). */
    public record Fetched(String table, String database, String result, String message) {}

    public record FileTakenIn(
            String file,
            String table,
            long delivery,
            long dataLines,
            long stored,
            long rejected,
            long skipped,
            long observations) {}

    /** The computation the night ended with: made now, or found up to date; null when none could be made. */
    public record Computation(long id, boolean computedNow, int values) {}

    /** An edition rendered in the night: the PDFs written, the reports that failed, the Kreise without data. */
    public record Rendered(
            String edition, String folder, int written, Map<String, String> failed, List<String> withoutData) {}

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    /** The summary of a nightly job execution, from its steps (and those of earlier executions of the night). */
    @SuppressWarnings("unchecked")
    static RunSummary of(JobExecution execution, List<StepExecution> allSteps, FindingStore findingStore, Clock clock) {
        List<StepExecution> mine = execution.getStepExecutions().stream()
                .filter(s -> !s.getStepName().contains(":"))
                .sorted(Comparator.comparing(StepExecution::getId))
                .toList();
        List<Step> steps = new ArrayList<>();
        List<String> attention = new ArrayList<>();
        boolean failedStep = false;
        for (StepExecution s : mine) {
            if (s.getStepName().equals(NightlyJobConfiguration.SUMMARY_STEP)) {
                continue;
            }
            double seconds = s.getStartTime() == null
                    ? 0
                    : Duration.between(
                                            s.getStartTime(),
                                            Optional.ofNullable(s.getEndTime()).orElse(LocalDateTime.now(clock)))
                                    .toMillis()
                            / 1000.0;
            steps.add(new Step(s.getStepName(), s.getStatus().name().toLowerCase(), seconds));
            if (s.getStatus() == BatchStatus.FAILED) {
                Optional<Throwable> unexplained = unexplained(s, allSteps);
                if (unexplained.isPresent()) {
                    failedStep = true;
                    attention.add("step " + s.getStepName() + " failed: " + rootMessage(unexplained.get()));
                }
            }
        }
        List<FileTakenIn> takenIn = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<Fetched> fetched = new ArrayList<>();
        List<IngestOutcome> ingested = new ArrayList<>();
        Optional<StepExecution> fetchStep = latest(allSteps, NightlyJobConfiguration.FETCH_STEP);
        String fetchNote = fetchStep
                .map(f -> f.getExecutionContext().getString(NightlyJobConfiguration.FETCH_NOTE, ""))
                .orElse("");
        if (!fetchNote.isEmpty() && fetchNote.startsWith("nothing fetched: ")) {
            attention.add(fetchNote);
        }
        fetchStep.ifPresent(f -> ((List<Map<String, Object>>)
                        f.getExecutionContext().get(NightlyJobConfiguration.FETCHED, List.class, List.of()))
                .forEach(o -> {
                    Fetched one = new Fetched(
                            String.valueOf(o.get("table")),
                            String.valueOf(o.get("database")),
                            String.valueOf(o.get("result")),
                            String.valueOf(o.get("message")));
                    fetched.add(one);
                    if (one.result().equals("failed") || one.result().equals("refused")) {
                        attention.add("fetch " + one.message());
                    }
                    if (o.get("ingest") instanceof Map<?, ?> m) {
                        ingested.add(IngestJobConfiguration.read(
                                new org.springframework.batch.infrastructure.item.ExecutionContext(
                                        (Map<String, Object>) m)));
                    }
                }));
        ingested.addAll(IngestJobConfiguration.outcomes(allSteps));
        Map<String, Long> findings = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            findings.put(severity.label(), 0L);
        }
        int already = 0;
        for (IngestOutcome o : ingested) {
            switch (o.status()) {
                case STORED -> {
                    var a = o.account().orElseThrow();
                    takenIn.add(new FileTakenIn(
                            o.fileName(),
                            o.tableCode(),
                            o.deliveryId().orElseThrow(),
                            a.dataLines(),
                            a.stored(),
                            a.rejected(),
                            a.skipped(),
                            a.observations()));
                    for (Severity severity : Severity.values()) {
                        findings.merge(
                                severity.label(),
                                findingStore.count(o.deliveryId().orElseThrow(), severity),
                                Long::sum);
                    }
                }
                case ALREADY_INGESTED -> already++;
                case REFUSED -> {
                    refused.put(o.fileName(), o.message());
                    attention.add("file " + o.fileName() + " was refused: " + o.message());
                }
            }
        }
        if (findings.get(Severity.ERROR.label()) > 0) {
            attention.add(findings.get(Severity.ERROR.label()) + " error finding(s) in the new deliveries:"
                    + " see output/pruefbericht.txt or 'bin/imon findings'");
        }
        Optional<Computation> computation = ComputeJobConfiguration.computed(allSteps)
                .map(c -> new Computation(
                        c.computationId(),
                        c.made(),
                        c.valuesPerIndicator().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum()));
        List<Rendered> rendered = new ArrayList<>();
        ReportJobConfiguration.published(allSteps).forEach((edition, result) -> {
            Map<String, String> failed = result.failed();
            List<String> withoutData = result.withoutData();
            Rendered one = new Rendered(
                    edition, result.folder().toString(), result.written().size(), failed, withoutData);
            rendered.add(one);
            if (one.written() == 0 && failed.isEmpty() && !withoutData.isEmpty()) {
                // an edition of which no Kreis has data for its period: the run did nothing for it, and says why
                attention.add("edition " + edition + ": none of its " + withoutData.size() + " Kreise has data for"
                        + " the edition's period, nothing was rendered; are the deliveries of its report_year in?");
            }
            failed.forEach((unit, reason) ->
                    attention.add("report " + unit + " of edition " + edition + " could not be rendered: " + reason));
        });
        List<String> unchanged = new ArrayList<>();
        Map<String, String> editionsRefused = new LinkedHashMap<>();
        latest(allSteps, NightlyJobConfiguration.PLAN_EDITIONS_STEP).ifPresent(plan -> {
            unchanged.addAll((List<String>)
                    plan.getExecutionContext().get(NightlyJobConfiguration.UNCHANGED, List.class, List.of()));
            editionsRefused.putAll((Map<String, String>)
                    plan.getExecutionContext().get(NightlyJobConfiguration.REFUSED, Map.class, Map.of()));
        });
        editionsRefused.forEach((file, reason) -> attention.add("edition " + file + " was refused: " + reason));
        boolean reportsFailed = rendered.stream().anyMatch(r -> !r.failed().isEmpty());
        boolean fetchFailed = fetched.stream()
                        .anyMatch(f -> f.result().equals("failed") || f.result().equals("refused"))
                || fetchNote.startsWith("nothing fetched: ");
        Outcome outcome = failedStep
                ? Outcome.FAILED
                : reportsFailed
                        ? Outcome.REPORTS_FAILED
                        : !refused.isEmpty() || !editionsRefused.isEmpty() || fetchFailed
                                ? Outcome.INPUT_REFUSED
                                : Outcome.DONE;
        LocalDateTime first = allSteps.stream()
                .map(StepExecution::getStartTime)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(LocalDateTime.now(clock));
        String runDate = String.valueOf(execution.getJobParameters().getLocalDate(NightlyJobConfiguration.RUN_DATE));
        String headline = headline(
                takenIn.size(), already, refused.size(), computation, rendered, unchanged, attention.isEmpty());
        return new RunSummary(
                runDate,
                first.withNano(0).toString(),
                LocalDateTime.now(clock).withNano(0).toString(),
                outcome,
                headline,
                steps,
                fetchNote,
                fetched,
                takenIn,
                already,
                refused,
                findings,
                computation.orElse(null),
                rendered,
                unchanged,
                editionsRefused,
                attention);
    }

    private static String headline(
            int taken,
            int already,
            int refused,
            Optional<Computation> computation,
            List<Rendered> rendered,
            List<String> unchanged,
            boolean nothingForAPerson) {
        boolean nothingNew = taken == 0
                && refused == 0
                && computation.map(c -> !c.computedNow()).orElse(true)
                && rendered.isEmpty();
        if (nothingNew && nothingForAPerson) {
            return "nothing new: " + already + " file(s) in the inbox were stored before, the indicators are up to"
                    + " date, " + unchanged.size() + " edition(s) unchanged";
        }
        return taken + " file(s) taken in, " + refused + " refused, " + already + " stored before; "
                + computation
                        .map(c -> c.computedNow() ? "computed as computation " + c.id() : "indicators up to date")
                        .orElse("nothing computed")
                + "; "
                + rendered.stream().mapToInt(Rendered::written).sum() + " report(s) published in " + rendered.size()
                + " edition(s), " + unchanged.size() + " unchanged";
    }

    /**
     * The failure of a step that no result explains: for a partitioned step, a partition's failure other than a
     * refused file or reports not rendered; empty when every failure is explained.
     */
    static Optional<Throwable> unexplained(StepExecution step, List<StepExecution> allSteps) {
        String worker = Progress.workerOf(step.getStepName());
        List<StepExecution> partitions = allSteps.stream()
                .filter(p -> p.getStepName().startsWith(worker + ":"))
                .filter(p -> p.getJobExecutionId() == step.getJobExecutionId())
                .toList();
        List<Throwable> own = step.getFailureExceptions();
        boolean partitioned = own.stream()
                .anyMatch(e -> e instanceof org.springframework.batch.core.job.JobExecutionException
                        && String.valueOf(e.getMessage()).contains("Partition handler"));
        List<Throwable> candidates = partitioned
                ? partitions.stream()
                        .flatMap(p -> p.getFailureExceptions().stream())
                        .toList()
                : own;
        return candidates.stream()
                .filter(e -> !(e instanceof ExplainedFailure))
                .findFirst()
                .or(() -> candidates.isEmpty() && !partitioned
                        ? Optional.<Throwable>of(new IllegalStateException("step " + step.getStepName() + " ended "
                                + step.getExitStatus().getExitCode()))
                        : Optional.empty());
    }

    private static Optional<StepExecution> latest(List<StepExecution> steps, String name) {
        return steps.stream().filter(s -> s.getStepName().equals(name)).max(Comparator.comparing(StepExecution::getId));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Writes {@code <start>.json} and {@code <start>.txt} into the folder; returns both files. */
    List<Path> write(Path folder) {
        String name = FILE_TIME.format(LocalDateTime.parse(started));
        Path json = folder.resolve(name + ".json");
        Path text = folder.resolve(name + ".txt");
        try {
            Files.createDirectories(folder);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            atomically(json, mapper.writeValueAsString(this));
            atomically(text, text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run summary into " + folder + ": " + e.getMessage(), e);
        }
        return List.of(json, text);
    }

    private static void atomically(Path file, String content) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The summary for people. */
    public String text() {
        StringBuilder out = new StringBuilder("Integrationsmonitor - nightly run of ")
                .append(runDate)
                .append('\n')
                .append("started ")
                .append(started.replace('T', ' '))
                .append(", finished ")
                .append(finished.replace('T', ' '))
                .append(": ")
                .append(outcome.name().toLowerCase().replace('_', ' '))
                .append("\n")
                .append(headline)
                .append("\n\n");
        if (!needsAPerson.isEmpty()) {
            out.append("Needs a person:\n");
            needsAPerson.forEach(n -> out.append("  - ").append(n).append('\n'));
            out.append('\n');
        }
        if (!fetchNote.isEmpty()) {
            out.append("Fetch: ").append(fetchNote).append('\n');
        }
        if (!fetched.isEmpty()) {
            out.append("Fetched from the offices:\n");
            fetched.forEach(f -> out.append("  ")
                    .append(f.result())
                    .append(": ")
                    .append(f.message())
                    .append('\n'));
        }
        out.append("Files taken in (")
                .append(takenIn.size())
                .append("), ")
                .append(alreadyStored)
                .append(" stored before:\n");
        takenIn.forEach(f -> out.append("  ")
                .append(f.file())
                .append(": table ")
                .append(f.table())
                .append(", delivery ")
                .append(f.delivery())
                .append(", ")
                .append(f.dataLines())
                .append(" data lines: ")
                .append(f.stored())
                .append(" stored, ")
                .append(f.rejected())
                .append(" quarantined, ")
                .append(f.skipped())
                .append(" skipped (")
                .append(f.observations())
                .append(" observations)\n"));
        refused.forEach((file, reason) -> out.append("  REFUSED ")
                .append(file)
                .append(": ")
                .append(reason)
                .append('\n'));
        out.append("Findings in the new deliveries: ").append(findings).append('\n');
        out.append("Computation: ")
                .append(
                        computation == null
                                ? "none"
                                : computation.computedNow()
                                        ? "computed now as " + computation.id() + " (" + computation.values()
                                                + " values)"
                                        : computation.id() + " is up to date")
                .append('\n');
        out.append("Editions rendered:\n");
        rendered.forEach(r -> out.append("  ")
                .append(r.edition())
                .append(": ")
                .append(r.written())
                .append(" PDF(s) in ")
                .append(r.folder())
                .append(r.failed().isEmpty() ? "" : ", " + r.failed().size() + " failed")
                .append(
                        r.withoutData().isEmpty()
                                ? ""
                                : ", " + r.withoutData().size() + " Kreise left out (no data for them)")
                .append('\n'));
        unchanged.forEach(e -> out.append("  ").append(e).append(": unchanged\n"));
        editionsRefused.forEach((e, reason) ->
                out.append("  REFUSED ").append(e).append(": ").append(reason).append('\n'));
        out.append("Steps:\n");
        steps.forEach(s -> out.append("  ")
                .append(s.name())
                .append(": ")
                .append(s.status())
                .append(", ")
                .append(String.format(java.util.Locale.ROOT, "%.1f s", s.seconds()))
                .append('\n'));
        return out.toString();
    }
}
