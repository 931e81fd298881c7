package de.integrationsmonitor.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.support.MessageBuilder;

/**
 * The manager's side of a remote partitioned step: sends a {@link StepExecutionRequest} per partition, in the order
 * of the partitions' names, to the workers' queue and polls the shared job repository until every partition has
 * ended (as Spring Batch integration's {@code MessageChannelPartitionHandler} does with repository polling; no reply
 * queue). Two differences, both for a night that must not hang: the time-out ({@code imon.remote.timeout}) counts
 * from the last progress of any partition (a chunk committed, a partition ended), not from the start of the step,
 * so it need not guess how long an edition of 400 Kreise takes; and when it strikes, the partitions still running
 * are marked FAILED in the repository (their worker died, or lost its connection) and returned as such, so that
 * the step ends as with a partition that failed, and a restart of the job runs them again. A partition that
 * completed in an earlier execution of the job with nothing left to do is not sent again: it is recorded as
 * completed at once.
 */
final class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger LOG = LoggerFactory.getLogger("imon");

    /** The handler of a worker step; {@code stillComplete}: whether an earlier partition has nothing left to do. */
    interface Factory {
        RemotePartitionHandler of(String workerStep, Predicate<StepExecution> stillComplete);

        default RemotePartitionHandler of(String workerStep) {
            return of(workerStep, e -> true);
        }
    }

    private final String workerStep;
    private final JobRepository repository;
    private final MessagingTemplate messaging;
    private final RemotePartitioning.Settings settings;
    private final Runnable declareQueues;
    private final Predicate<StepExecution> stillComplete;

    RemotePartitionHandler(
            String workerStep,
            JobRepository repository,
            MessagingTemplate messaging,
            RemotePartitioning.Settings settings,
            Runnable declareQueues,
            Predicate<StepExecution> stillComplete) {
        this.workerStep = workerStep;
        this.repository = repository;
        this.messaging = messaging;
        this.settings = settings;
        this.declareQueues = declareQueues;
        this.stillComplete = stillComplete;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) {
        List<StepExecution> ordered = partitions.stream()
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
        Set<StepExecution> ended = new LinkedHashSet<>();
        List<StepExecution> toSend = new ArrayList<>();
        Map<String, StepExecution> earlier = completedEarlier(manager.getJobExecution());
        for (StepExecution partition : ordered) {
            StepExecution before = earlier.get(partition.getStepName());
            if (before != null && stillComplete.test(before)) {
                ended.add(completedBefore(partition, before));
            } else {
                toSend.add(partition);
            }
        }
        if (toSend.isEmpty()) {
            return ended;
        }
        try {
            declareQueues.run();
        } catch (RuntimeException e) {
            throw Remote.unreachable(settings, e);
        }
        for (StepExecution partition : toSend) {
            messaging.send(MessageBuilder.withPayload(new StepExecutionRequest(workerStep, partition.getId()))
                    .build());
        }
        LOG.info(
                "sent {} partition(s) of step {} to the workers (queue {}){}",
                toSend.size(),
                manager.getStepName(),
                settings.queueOf(workerStep),
                ended.isEmpty() ? "" : "; " + ended.size() + " completed in an earlier run");
        ended.addAll(await(manager, toSend));
        return ended;
    }

    /** Polls the repository until every partition has ended; fails those still running after the idle time-out. */
    private Set<StepExecution> await(StepExecution manager, List<StepExecution> sent) {
        Set<Long> ids = sent.stream().map(StepExecution::getId).collect(Collectors.toSet());
        Map<Long, String> progress = new HashMap<>();
        Set<Long> reported = new java.util.HashSet<>();
        long lastProgress = System.nanoTime();
        while (true) {
            List<StepExecution> current =
                    repository.getJobExecution(manager.getJobExecutionId()).getStepExecutions().stream()
                            .filter(s -> ids.contains(s.getId()))
                            .toList();
            boolean running = false;
            for (StepExecution s : current) {
                String state = s.getStatus() + "/" + s.getVersion();
                if (!state.equals(progress.put(s.getId(), state))) {
                    lastProgress = System.nanoTime();
                }
                if (s.getStatus().isRunning()) {
                    running = true;
                } else if (reported.add(s.getId())) {
                    LOG.info(
                            "partition {} {} by worker {}",
                            s.getStepName(),
                            s.getStatus().name().toLowerCase(),
                            s.getExecutionContext().getString(Workers.WORKER, "?"));
                }
            }
            if (!running && current.size() == ids.size()) {
                return new LinkedHashSet<>(current);
            }
            if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(settings.timeout()) > 0) {
                List<String> failed = failRunning(current);
                String message = failed.size() + " partition(s) of step " + manager.getStepName()
                        + " made no progress for " + settings.timeout() + " (imon.remote.timeout): "
                        + String.join(", ", failed) + "; marked failed, so that starting the job again sends them"
                        + " again";
                LOG.warn(message);
                return new LinkedHashSet<>(
                        repository.getJobExecution(manager.getJobExecutionId()).getStepExecutions().stream()
                                .filter(s -> ids.contains(s.getId()))
                                .toList());
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            }
        }
    }

    /**
     * Marks the partitions that have not ended FAILED: their worker is gone (or no worker took them). A worker that
     * is only slow fails on its next update (the version changed), so it cannot record a result after this.
     */
    private List<String> failRunning(List<StepExecution> current) {
        List<String> names = new ArrayList<>();
        for (StepExecution s : current) {
            if (s.getStatus().isRunning()) {
                String where = s.getStatus() == BatchStatus.STARTING
                        ? "not taken by any worker"
                        : "begun by worker " + s.getExecutionContext().getString(Workers.WORKER, "?");
                names.add(s.getStepName() + " (" + where + ")");
                markFailed(repository, s, "no progress for " + settings.timeout() + " (imon.remote.timeout); " + where);
            }
        }
        return names;
    }

    /** A partition execution that will never end by itself, marked FAILED so that the job can run it again. */
    static void markFailed(JobRepository repository, StepExecution s, String why) {
        s.setStatus(BatchStatus.FAILED);
        s.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        s.setEndTime(LocalDateTime.now());
        repository.update(s);
    }

    /** Partitions of earlier executions of this job instance that completed, by partition name (the latest one). */
    private Map<String, StepExecution> completedEarlier(JobExecution execution) {
        Map<String, StepExecution> completed = new HashMap<>();
        for (JobExecution e : repository.getJobExecutions(execution.getJobInstance())) {
            if (e.getId() == execution.getId()) {
                continue;
            }
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getStatus() == BatchStatus.COMPLETED && s.getStepName().startsWith(workerStep + ":")) {
                    completed.merge(s.getStepName(), s, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        return completed;
    }

    private StepExecution completedBefore(StepExecution partition, StepExecution before) {
        LocalDateTime now = LocalDateTime.now();
        partition.setStartTime(now);
        partition.setStatus(BatchStatus.COMPLETED);
        partition.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                "completed in execution " + before.getJobExecutionId() + "; not sent again"));
        partition.setEndTime(now);
        repository.update(partition);
        // the context carried over from the earlier execution names the worker that ran it there, not here
        if (partition.getExecutionContext().containsKey(Workers.WORKER)) {
            partition.getExecutionContext().remove(Workers.WORKER);
            repository.updateExecutionContext(partition);
        }
        return partition;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
