package de.integrationsmonitor.batch;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.EditionPlanner;
import de.integrationsmonitor.report.EditionPublisher;
import de.integrationsmonitor.report.PreparedEdition;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.publish.Publication;
import de.integrationsmonitor.store.RunLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The runs the command line asks for, each as its job with the identity of its work: what the command prints and
 * its exit code come from the job executions (their step contexts), never from state kept beside them.
 */
@Component
public class Runs {

    /** The lock of the nightly run: one per database. */
    public static final String NIGHTLY_LOCK = "nightly";

    private final Launcher launcher;
    private final JobRepository repository;
    private final Job ingestJob;
    private final Job computeJob;
    private final Job reportJob;
    private final Job nightlyJob;
    private final ComputationService computation;
    private final EditionPlanner planner;
    private final ImonSettings settings;
    private final RunLocks locks;

    public Runs(
            Launcher launcher,
            JobRepository repository,
            @Qualifier("ingestJob") Job ingestJob,
            @Qualifier("computeJob") Job computeJob,
            @Qualifier("reportJob") Job reportJob,
            @Qualifier("nightlyJob") Job nightlyJob,
            ComputationService computation,
            EditionPlanner planner,
            ImonSettings settings,
            RunLocks locks) {
        this.launcher = launcher;
        this.repository = repository;
        this.ingestJob = ingestJob;
        this.computeJob = computeJob;
        this.reportJob = reportJob;
        this.nightlyJob = nightlyJob;
        this.computation = computation;
        this.planner = planner;
        this.settings = settings;
        this.locks = locks;
    }

    /** Another process holds a lock this run needs; the message names it (exit 75). */
    public static final class LockedException extends RuntimeException {
        public LockedException(String message) {
            super(message);
        }
    }

    /** An ingest: how it was launched and what happened to each file. */
    public record IngestRun(Launcher.Launch launch, List<IngestOutcome> outcomes) {}

    /** Ingests files and the files of folders, one partition per file, identified by the files' contents. */
    public IngestRun ingest(List<Path> paths) {
        List<Path> files = IngestService.expand(paths).stream()
                .map(p -> p.toAbsolutePath().normalize())
                .toList();
        MessageDigest digest = Sha256.digest();
        files.stream()
                .map(Runs::identity)
                .sorted()
                .forEach(h -> digest.update((h + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Launcher.Launch launch =
                launcher.launch(ingestJob, IngestJobConfiguration.parameters(files, Sha256.hex(digest)));
        return new IngestRun(
                launch,
                IngestJobConfiguration.outcomes(ReportJobConfiguration.allSteps(repository, launch.execution())));
    }

    /** What identifies a file of an ingest: its contents' SHA-256; a file that cannot be read, by its path. */
    private static String identity(Path file) {
        if (!Files.isRegularFile(file)) {
            return "missing " + file;
        }
        try {
            return Sha256.of(file);
        } catch (java.io.UncheckedIOException e) {
            return "unreadable " + file; // its partition refuses it with the reason
        }
    }

    /** A computation: made now, or the same work completed before. */
    public record ComputeRun(Launcher.Launch launch, Optional<ComputeJobConfiguration.Computed> computed) {}

    /** Computes the catalogue over the stored deliveries, unless the same computation was made before. */
    public ComputeRun compute() {
        Launcher.Launch launch = launcher.launch(
                computeJob, ComputeJobConfiguration.parameters(computation.basis(settings.catalogue())));
        return new ComputeRun(
                launch,
                ComputeJobConfiguration.computed(ReportJobConfiguration.allSteps(repository, launch.execution())));
    }

    /**
     * What rendering an edition gave: up to date already, or the reports written and failed, and the Kreise left
     * out for want of data.
     */
    public record ReportRun(
            String edition,
            Optional<Launcher.Launch> launch,
            boolean upToDate,
            Path folder,
            List<String> written,
            Map<String, String> failed,
            List<String> withoutData) {}

    /**
     * Renders an edition from the current computation (computed first where deliveries or catalogue changed), unless
     * its published folder already holds exactly these reports; {@code again} renders it anyway.
     */
    public ReportRun report(Path editionFile, Optional<String> kreis, boolean again) {
        return report(editionFile, kreis, again, false);
    }

    /** As {@link #report(Path, Optional, boolean)}; {@code remote} has the workers render the partitions. */
    public ReportRun report(Path editionFile, Optional<String> kreis, boolean again, boolean remote) {
        Edition edition = EditionLoader.load(editionFile);
        long computationId = currentComputation();
        EditionPlanner.Planned plan = planner.plan(edition, computationId, kreis, again);
        PreparedEdition prepared = plan.prepared();
        Publication publication = plan.publication();
        try (RunLocks.Lease lease = outputLock("report " + edition.id())) {
            if (plan.upToDate()) {
                return new ReportRun(
                        edition.id(),
                        Optional.empty(),
                        true,
                        publication.folder(),
                        List.of(),
                        Map.of(),
                        prepared.withoutData());
            }
            JobParameters parameters = ReportJobConfiguration.parameters(prepared, kreis, remote);
            if (again) {
                parameters = withAgain(parameters);
            }
            Launcher.Launch launch = launcher.launchHoldingLock(reportJob, parameters);
            if (launch.kind() == Launcher.Kind.ALREADY_COMPLETE) {
                // rendered before from the same inputs, but the published folder no longer holds it: render again
                launch = launcher.launchHoldingLock(reportJob, withAgain(parameters));
            }
            Optional<EditionPublisher.Published> result = Optional.ofNullable(
                    ReportJobConfiguration.published(ReportJobConfiguration.allSteps(repository, launch.execution()))
                            .get(edition.id()));
            if (result.isEmpty()) {
                // the publish step itself failed: nothing was published, and the run must not say it was
                Optional<RuntimeException> failure = launch.unexpectedFailure();
                if (failure.isPresent()) {
                    throw failure.get();
                }
            }
            return new ReportRun(
                    edition.id(),
                    Optional.of(launch),
                    false,
                    publication.folder(),
                    result.map(EditionPublisher.Published::written).orElse(List.of()),
                    result.map(EditionPublisher.Published::failed).orElse(Map.of()),
                    prepared.withoutData());
        }
    }

    private static JobParameters withAgain(JobParameters parameters) {
        return new JobParametersBuilder(parameters)
                .addLocalDateTime(ReportJobConfiguration.AGAIN, LocalDateTime.now(), true)
                .toJobParameters();
    }

    /** The id of a computation that rests on every stored delivery, this catalogue and register; made if needed. */
    public long currentComputation() {
        return computation
                .current(settings.catalogue())
                .orElseGet(() -> compute()
                        .computed()
                        .orElseThrow(() -> new IllegalStateException("the computation did not complete"))
                        .computationId());
    }

    /** A nightly run: how it was launched, its summary and how it ended. */
    public record NightlyRun(Launcher.Launch launch, List<Path> summary, RunSummary.Outcome outcome) {}

    /** The nightly run of a date, under the nightly lock of the database (a second start is refused at once). */
    public NightlyRun nightly(LocalDate runDate, Path inbox, Path editions) {
        return nightly(runDate, inbox, editions, false);
    }

    /** As {@link #nightly(LocalDate, Path, Path)}; {@code remote} has the workers ingest files and render. */
    @SuppressWarnings("unchecked")
    public NightlyRun nightly(LocalDate runDate, Path inbox, Path editions, boolean remote) {
        RunLocks.Lease nightly =
                locks.tryLock(NIGHTLY_LOCK, "nightly").orElseThrow(() -> locked(NIGHTLY_LOCK, "another nightly run"));
        try (nightly;
                RunLocks.Lease output = outputLock("nightly")) {
            Launcher.Launch launch = launcher.launchHoldingLock(
                    nightlyJob, NightlyJobConfiguration.parameters(runDate, inbox, editions, remote));
            var summaryStep = launch.execution().getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals(NightlyJobConfiguration.SUMMARY_STEP))
                    .findFirst();
            List<Path> files = summaryStep
                    .map(s -> ((List<String>) s.getExecutionContext()
                                    .get(NightlyJobConfiguration.SUMMARY_FILES, List.class, List.of()))
                            .stream().map(Path::of).toList())
                    .orElse(List.of());
            RunSummary.Outcome outcome = summaryStep
                    .map(s -> RunSummary.Outcome.valueOf(s.getExecutionContext()
                            .getString(NightlyJobConfiguration.SUMMARY_STATUS, RunSummary.Outcome.FAILED.name())))
                    .orElse(launch.ran() ? RunSummary.Outcome.FAILED : RunSummary.Outcome.DONE);
            return new NightlyRun(launch, files, outcome);
        }
    }

    /** The lock of the output folder of this IMON_HOME: one run at a time writes reports into it. */
    private RunLocks.Lease outputLock(String command) {
        String name = "output:" + settings.output().toAbsolutePath().normalize();
        return locks.tryLock(name, command)
                .orElseThrow(() -> locked(name, "another run writing into " + settings.output()));
    }

    private LockedException locked(String name, String what) {
        return new LockedException(what + " holds the lock '" + name + "'"
                + locks.holder(name).map(h -> " (" + h.describe() + ")").orElse("")
                + "; try again when it has finished");
    }

    /** The edition files of a folder. */
    public static List<Path> editions(Path folder) {
        return new ArrayList<>(EditionLoader.editionFiles(folder));
    }
}
