package de.integrationsmonitor.batch;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;

/**
 * The worker of {@code imon worker}: takes partition requests from the broker one at a time and executes each
 * partition's step execution with Spring Batch integration's {@link StepExecutionRequestHandler}, the same render or
 * ingest step the manager would run locally, recording in the partition's context which worker ran it. A request
 * whose partition is no longer waiting to start (a redelivery after a worker died, a partition the manager gave up
 * on) is dropped: a partition runs at most once per execution, so two workers never write the same file.
 * Stopping (SIGTERM: the context closes) lets the current partition finish first.
 */
public class Workers implements SmartLifecycle {

    /** Partition context: the worker (host and pid) that ran the partition. */
    public static final String WORKER = "partition.worker";

    private static final Logger LOG = LoggerFactory.getLogger("imon");

    private final JobRepository repository;
    private final Map<String, Step> steps;
    private final AmqpInboundChannelAdapter inbound;
    private final Runnable declareQueues;
    private final RemotePartitioning.Settings settings;
    private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    private final ReentrantLock busy = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;

    Workers(
            JobRepository repository,
            Map<String, Step> steps,
            AmqpInboundChannelAdapter inbound,
            Runnable declareQueues,
            RemotePartitioning.Settings settings) {
        this.repository = repository;
        this.steps = steps;
        this.inbound = inbound;
        this.declareQueues = declareQueues;
        this.settings = settings;
        handler.setJobRepository(repository);
        handler.setStepLocator(name -> {
            Step step = steps.get(name);
            if (step == null) {
                throw new IllegalArgumentException("no worker step " + name + " (known: " + steps.keySet() + ")");
            }
            return step;
        });
    }

    /** This JVM as the job repository records it: host and process id. */
    public static String identity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** Where this worker takes partitions from, for the line it prints when it starts. */
    public String describe() {
        return "queues "
                + String.join(
                        ", ",
                        RemotePartitioning.WORKER_STEPS.stream()
                                .map(settings::queueOf)
                                .toList()) + " at " + settings.broker();
    }

    /** Executes one partition, unless it is no longer waiting to start. */
    void execute(StepExecutionRequest request) {
        busy.lock();
        try {
            StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
            if (partition == null) {
                LOG.warn(
                        "partition request for step execution {} dropped: no such step execution in this job"
                                + " repository (is the worker on the manager's database?)",
                        request.getStepExecutionId());
                return;
            }
            if (partition.getStatus() != BatchStatus.STARTING) {
                LOG.warn(
                        "partition {} not run: it is {} already{}",
                        partition.getStepName(),
                        partition.getStatus().name().toLowerCase(),
                        partition.getExecutionContext().containsKey(WORKER)
                                ? " (begun by worker "
                                        + partition.getExecutionContext().getString(WORKER) + ")"
                                : "");
                return;
            }
            partition.getExecutionContext().putString(WORKER, identity());
            repository.updateExecutionContext(partition);
            long started = System.nanoTime();
            StepExecution result = handler.handle(request);
            LOG.info(
                    "partition {} {} in {} s",
                    result.getStepName(),
                    result.getStatus().name().toLowerCase(),
                    (System.nanoTime() - started) / 1_000_000_000L);
        } finally {
            busy.unlock();
        }
    }

    /** Starts taking partitions; fails when the broker does not answer. */
    @Override
    public void start() {
        try {
            declareQueues.run();
        } catch (RuntimeException e) {
            throw Remote.unreachable(settings, e);
        }
        inbound.start();
        running = true;
    }

    /** Takes no new partition and waits for the current one to end. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        LOG.info("worker stopping: no new partitions; the current one finishes first");
        inbound.stop();
        busy.lock(); // the partition in hand, if any, has ended
        busy.unlock();
        running = false;
        stopped.countDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return false; // only {@code imon worker} starts it
    }

    /** Stopped first when the context closes, before the database and the broker connection go. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Blocks until the worker has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
