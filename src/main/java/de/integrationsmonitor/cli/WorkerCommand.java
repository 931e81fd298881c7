package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.Remote;
import de.integrationsmonitor.batch.Workers;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code imon worker}: a long-running JVM that renders and ingests the partitions remote runs send it. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = "Takes partitions of remote runs (report --remote, nightly --remote) from RabbitMQ"
                + " (IMON_RABBITMQ_URL), one at a time, and executes them against the shared PostgreSQL database,"
                + " writing PDFs into the shared IMON_HOME, until stopped: SIGTERM lets the current partition"
                + " finish, then exits 0. Needs IMON_PROFILE=postgres.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (SIGTERM) after the current partition",
            "1:the broker or the database cannot" + " be reached",
            "64:the embedded H2 database (a worker needs PostgreSQL)"
        })
public class WorkerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("imon");

    private final Remote remote;
    private final Workers workers;

    public WorkerCommand(Remote remote, Workers workers) {
        this.remote = remote;
        this.workers = workers;
    }

    @Override
    public Integer call() throws InterruptedException {
        remote.require("imon worker");
        workers.start();
        // SIGTERM closes the context, which stops the worker after its current partition; then the JVM would end
        // with 143, the status of a signal: the worker stopped as asked, so it ends with 0
        SpringApplication.getShutdownHandlers().add(() -> Runtime.getRuntime().halt(ExitCodes.OK));
        LOG.info(
                "worker {} ready: taking partitions from {}; SIGTERM stops it after the current partition",
                Workers.identity(),
                workers.describe());
        workers.awaitStop();
        return ExitCodes.OK;
    }
}
