package de.integrationsmonitor.batch;

import de.integrationsmonitor.ingest.ExtractFormat;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.validate.FindingCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingest job: one partition per file, so that a restart after a failure does not touch the files that went in.
 * Each partition hands its file to {@link IngestService}, which stores it whole in one transaction of its own or not
 * at all (the database rolls back a file whose process died), and keeps what happened to the file in the
 * partition's execution context. The job is identified by the SHA-256 of its files' contents; a refused file fails
 * its partition, so that the same ingest started again retries it and nothing else.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String INGEST_JOB = "ingest";
    static final String INGEST_STEP = "ingest";
    static final String INGEST_FILE_STEP = "ingest-file";
    /** Identifying job parameter: SHA-256 over the sorted SHA-256 of the files to ingest. */
    public static final String FILES_SHA256 = "files.sha256";
    /** Non-identifying job parameters {@code file.0001}, ...: one path each, in ingest order. */
    public static final String FILE_PREFIX = "file.";
    /** Non-identifying job parameter of the nightly run: the inbox whose files are ingested. */
    public static final String INBOX = "inbox";

    static final String PATH = "file.path";
    private final ResourcelessTransactionManager noTransaction = new ResourcelessTransactionManager();

    /** The parameters of an ingest of these files: identified by their contents, each path a parameter. */
    public static JobParameters parameters(List<Path> files, String filesSha256) {
        JobParametersBuilder builder = new JobParametersBuilder().addString(FILES_SHA256, filesSha256, true);
        for (int i = 0; i < files.size(); i++) {
            builder.addString(
                    FILE_PREFIX + String.format("%04d", i + 1), files.get(i).toString(), false);
        }
        return builder.toJobParameters();
    }

    /** One partition per file: the files of the job's parameters, or those of the inbox (nightly). */
    @Bean
    @StepScope
    Partitioner filePartitioner(@Value("#{stepExecution}") StepExecution stepExecution) {
        JobParameters parameters = stepExecution.getJobParameters();
        return gridSize -> {
            List<Path> files = new ArrayList<>();
            String inbox = parameters.getString(INBOX);
            if (inbox != null) {
                files.addAll(IngestService.expand(List.of(Path.of(inbox))));
            } else {
                parameters.parameters().stream()
                        .map(JobParameter::name)
                        .filter(n -> n.startsWith(FILE_PREFIX))
                        .sorted()
                        .forEach(n -> files.add(Path.of(parameters.getString(n))));
            }
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                ExecutionContext context = new ExecutionContext();
                context.putString(PATH, files.get(i).toString());
                partitions.put(String.format("file-%04d", i + 1), context);
            }
            return partitions;
        };
    }

    @Bean
    Step ingestFilesStep(
            JobRepository repository,
            Partitioner filePartitioner,
            Step ingestFileStep,
            RemotePartitionHandler.Factory remotePartitions) {
        // locally, files go in one after the other, in name order, so that delivery ids follow the files' order;
        // remotely (nightly --remote) the workers take them in that order, several at once
        return new StepBuilder(INGEST_STEP, repository)
                .partitioner(INGEST_FILE_STEP, filePartitioner)
                .partitionHandler(new RemoteOrLocal(
                        OrderedPartitionHandler.sequential(ingestFileStep), remotePartitions.of(INGEST_FILE_STEP)))
                .build();
    }

    /** One file: stored, refused (nothing of it kept) or recognised as ingested before; what happened is kept. */
    @Bean
    Step ingestFileStep(JobRepository repository, IngestService ingest, ApplicationEventPublisher events) {
        return new StepBuilder(INGEST_FILE_STEP, repository)
                .tasklet(
                        (contribution, chunk) -> {
                            StepExecution step = contribution.getStepExecution();
                            IngestOutcome outcome = ingest.ingest(
                                    Path.of(step.getExecutionContext().getString(PATH)));
                            write(outcome, step.getExecutionContext());
                            outcome.account().ifPresent(a -> contribution.incrementWriteCount(a.stored()));
                            events.publishEvent(new RunEvents.FileIngested(outcome));
                            if (outcome.refused()) {
                                // the partition fails, so that the same ingest started again tries this file again (a
                                // limit raised,
                                // a lock released) and leaves the files that went in alone
                                throw new ExplainedFailure.FileRefused(outcome.message());
                            }
                            return RepeatStatus.FINISHED;
                        },
                        noTransaction)
                .build();
    }

    @Bean
    Job ingestJob(JobRepository repository, Step ingestFilesStep) {
        return new JobBuilder(INGEST_JOB, repository).start(ingestFilesStep).build();
    }

    /** What happened to each file of an execution (and of earlier executions of the same work), in file order. */
    public static List<IngestOutcome> outcomes(List<StepExecution> steps) {
        return Progress.partitions(steps, INGEST_FILE_STEP).stream()
                .filter(s -> s.getExecutionContext().containsKey(STATUS))
                .map(s -> read(s.getExecutionContext()))
                .toList();
    }

    private static final String STATUS = "outcome.status";

    static void write(IngestOutcome o, ExecutionContext context) {
        context.putString("outcome.file", o.fileName());
        context.putString(STATUS, o.status().name());
        context.putString("outcome.format", o.format().map(Enum::name).orElse(""));
        context.putString("outcome.table", o.tableCode());
        context.putLong("outcome.delivery", o.deliveryId().orElse(-1L));
        o.account()
                .ifPresent(a -> context.put(
                        "outcome.account",
                        new ArrayList<>(
                                List.of(a.dataLines(), a.stored(), a.rejected(), a.skipped(), a.observations()))));
        o.findings()
                .ifPresent(f ->
                        context.put("outcome.findings", new ArrayList<>(List.of(f.errors(), f.warnings(), f.infos()))));
        context.putString("outcome.message", o.message());
    }

    static IngestOutcome read(ExecutionContext c) {
        String format = c.getString("outcome.format", "");
        long delivery = c.getLong("outcome.delivery", -1L);
        @SuppressWarnings("unchecked")
        List<Long> account = (List<Long>) c.get("outcome.account");
        @SuppressWarnings("unchecked")
        List<Long> findings = (List<Long>) c.get("outcome.findings");
        return new IngestOutcome(
                c.getString("outcome.file"),
                IngestOutcome.Status.valueOf(c.getString(STATUS)),
                format.isEmpty() ? Optional.empty() : Optional.of(ExtractFormat.valueOf(format)),
                c.getString("outcome.table"),
                delivery < 0 ? Optional.empty() : Optional.of(delivery),
                Optional.ofNullable(account)
                        .map(a -> new LineAccount(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4))),
                Optional.ofNullable(findings).map(f -> new FindingCounts(f.get(0), f.get(1), f.get(2))),
                c.getString("outcome.message", ""));
    }
}
