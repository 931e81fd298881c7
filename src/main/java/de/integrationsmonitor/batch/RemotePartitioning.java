package de.integrationsmonitor.batch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageHandler;

/**
 * Remote partitioning over RabbitMQ (Spring Batch integration, Spring Integration's AMQP adapters): the manager
 * ({@code report --remote}, {@code nightly --remote}) sends one {@link StepExecutionRequest} per partition of the
 * render and ingest steps to a durable queue per worker step ({@code <imon.remote.queue>.render-units},
 * {@code <imon.remote.queue>.ingest-file}); every {@code imon worker} takes one request at a time and executes the
 * partition's step execution, the same step the local path runs, against the shared job repository. The manager
 * learns the outcome by polling that repository, so no reply queue is needed. Nothing here connects to the broker
 * until a remote run or a worker asks for it: every other command starts as before.
 */
@Configuration
@EnableIntegration
public class RemotePartitioning {

    /** Where the broker is and how long a manager waits for partitions that make no progress. */
    public record Settings(URI url, String queue, Duration timeout, Duration pollInterval) {

        /** The durable queue of a worker step's partition requests. */
        public String queueOf(String step) {
            return queue + "." + step;
        }

        /** The broker for messages: host and port, never the credentials of the URL. */
        public String broker() {
            return url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 5672);
        }
    }

    /** The worker steps a manager may send partitions of, by step name. */
    static final List<String> WORKER_STEPS =
            List.of(ReportJobConfiguration.RENDER_UNITS_STEP, IngestJobConfiguration.INGEST_FILE_STEP);

    @Bean
    Settings remoteSettings(
            @Value("${imon.remote.url}") URI url,
            @Value("${imon.remote.queue}") String queue,
            @Value("${imon.remote.timeout}") Duration timeout,
            @Value("${imon.remote.poll-interval}") Duration pollInterval) {
        return new Settings(url, queue, timeout, pollInterval);
    }

    /**
     * Connects on first use only (a remote run, a worker): creating these beans opens no connection, so no other
     * command touches the broker.
     */
    @Bean
    CachingConnectionFactory partitionBroker(Settings settings) {
        com.rabbitmq.client.ConnectionFactory rabbit = new com.rabbitmq.client.ConnectionFactory();
        try {
            rabbit.setUri(settings.url());
        } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(
                    "IMON_RABBITMQ_URL is not an amqp:// or amqps:// URL: " + e.getMessage(), e);
        }
        if (rabbit.getVirtualHost().isEmpty()) {
            rabbit.setVirtualHost("/"); // amqp://host:5672/ means the broker's default virtual host
        }
        rabbit.setAutomaticRecoveryEnabled(false); // Spring AMQP recovers connections itself
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit);
        factory.setConnectionNameStrategy(f -> "imon " + Workers.identity());
        return factory;
    }

    @Bean
    RabbitAdmin partitionQueues(CachingConnectionFactory partitionBroker) {
        RabbitAdmin admin = new RabbitAdmin(partitionBroker);
        admin.setAutoStartup(false); // queues are declared when a manager or a worker starts, not with the context
        return admin;
    }

    /** Declares the durable queues of the worker steps (idempotent); fails when the broker does not answer. */
    static void declareQueues(RabbitAdmin admin, Settings settings) {
        for (String step : WORKER_STEPS) {
            admin.declareQueue(new Queue(settings.queueOf(step), true));
        }
    }

    @Bean
    RabbitTemplate partitionTemplate(CachingConnectionFactory partitionBroker) {
        RabbitTemplate template = new RabbitTemplate(partitionBroker);
        template.setMessageConverter(new PartitionRequests());
        return template;
    }

    // ---- manager side: requests go out through a channel to the AMQP outbound adapter

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    @ServiceActivator(inputChannel = "partitionRequests")
    AmqpOutboundEndpoint partitionRequestsOut(RabbitTemplate partitionTemplate, Settings settings) {
        AmqpOutboundEndpoint endpoint = new AmqpOutboundEndpoint(partitionTemplate);
        endpoint.setExchangeName("");
        // the default exchange routes by queue name: one queue per worker step
        endpoint.setRoutingKeyExpressionString("'" + settings.queue().replace("'", "''") + ".' + payload.stepName");
        return endpoint;
    }

    @Bean
    MessagingTemplate partitionMessaging(@Qualifier("partitionRequests") DirectChannel partitionRequests) {
        MessagingTemplate template = new MessagingTemplate();
        template.setDefaultChannel(partitionRequests);
        return template;
    }

    /** The remote side of the render and ingest steps, chosen per run by {@link RemoteOrLocal}. */
    @Bean
    RemotePartitionHandler.Factory remotePartitions(
            JobRepository repository,
            @Qualifier("partitionMessaging") MessagingTemplate messaging,
            RabbitAdmin partitionQueues,
            Settings settings) {
        return (step, stillComplete) -> new RemotePartitionHandler(
                step, repository, messaging, settings, () -> declareQueues(partitionQueues, settings), stillComplete);
    }

    // ---- worker side: the AMQP inbound adapter hands each request to the worker

    @Bean
    SimpleMessageListenerContainer partitionListener(CachingConnectionFactory partitionBroker, Settings settings) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(partitionBroker);
        container.setQueueNames(WORKER_STEPS.stream().map(settings::queueOf).toArray(String[]::new));
        container.setConcurrentConsumers(1); // one partition at a time per worker JVM; more JVMs for more
        container.setPrefetchCount(1); // the others stay in the queue for the other workers
        container.setAcknowledgeMode(AcknowledgeMode.AUTO); // acknowledged when the partition has ended
        container.setDefaultRequeueRejected(false); // a request that cannot be handled is not handed round forever
        container.setShutdownTimeout(Duration.ofDays(1).toMillis()); // SIGTERM: the current partition finishes
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    DirectChannel partitionsReceived() {
        return new DirectChannel();
    }

    @Bean
    AmqpInboundChannelAdapter partitionRequestsIn(
            SimpleMessageListenerContainer partitionListener,
            @Qualifier("partitionsReceived") DirectChannel partitionsReceived) {
        AmqpInboundChannelAdapter adapter = new AmqpInboundChannelAdapter(partitionListener);
        adapter.setMessageConverter(new PartitionRequests());
        adapter.setOutputChannel(partitionsReceived);
        adapter.setAutoStartup(false);
        return adapter;
    }

    @Bean
    Workers workers(
            JobRepository repository,
            @Qualifier("renderUnitsStep") Step renderUnitsStep,
            @Qualifier("ingestFileStep") Step ingestFileStep,
            AmqpInboundChannelAdapter partitionRequestsIn,
            RabbitAdmin partitionQueues,
            Settings settings) {
        return new Workers(
                repository,
                Map.of(
                        ReportJobConfiguration.RENDER_UNITS_STEP,
                        renderUnitsStep,
                        IngestJobConfiguration.INGEST_FILE_STEP,
                        ingestFileStep),
                partitionRequestsIn,
                () -> declareQueues(partitionQueues, settings),
                settings);
    }

    @Bean
    @ServiceActivator(inputChannel = "partitionsReceived")
    MessageHandler partitionsExecuted(Workers workers) {
        return message -> workers.execute((StepExecutionRequest) message.getPayload());
    }
}
