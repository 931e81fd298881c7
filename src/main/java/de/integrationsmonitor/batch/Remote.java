package de.integrationsmonitor.batch;

import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What a remote run and a worker need before they start: a database that several JVMs share (PostgreSQL; the
 * embedded H2 database is a file one process opens) and a message broker that answers.
 */
@Component
public class Remote {

    private final Environment environment;
    private final RabbitAdmin partitionQueues;
    private final RemotePartitioning.Settings settings;

    public Remote(Environment environment, RabbitAdmin partitionQueues, RemotePartitioning.Settings settings) {
        this.environment = environment;
        this.partitionQueues = partitionQueues;
        this.settings = settings;
    }

    /** The database or the command line does not allow remote partitioning (exit 64); the message says why. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** The message broker does not answer (exit 1); the message names it, never its credentials. */
    public static final class BrokerUnreachableException extends RuntimeException {
        BrokerUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static BrokerUnreachableException unreachable(RemotePartitioning.Settings settings, RuntimeException e) {
        return new BrokerUnreachableException(
                "the message broker at " + settings.broker() + " cannot be reached ("
                        + RemotePartitionHandler.rootMessage(e)
                        + "); is RabbitMQ running, and is IMON_RABBITMQ_URL right?",
                e);
    }

    /** Refuses the embedded database; fails when the broker cannot be reached (naming it). */
    public void require(String what) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new RefusedException(what + " needs the PostgreSQL database that the manager and every worker"
                    + " share (IMON_PROFILE=postgres, IMON_DB_URL); the embedded H2 database cannot be shared"
                    + " between processes");
        }
        try {
            RemotePartitioning.declareQueues(partitionQueues, settings);
        } catch (RuntimeException e) {
            throw unreachable(settings, e);
        }
    }
}
