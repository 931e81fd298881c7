package de.integrationsmonitor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * What travels through the broker is a step name and a step execution id as JSON, nothing a worker would have to
 * deserialise as a Java object: an operator can read it in the broker's console, and anything else is refused.
 */
class PartitionRequestsTest {

    private final PartitionRequests converter = new PartitionRequests();

    @Test
    void aRequestIsItsStepAndStepExecutionIdAsJson() {
        Message message = converter.toMessage(new StepExecutionRequest("render-units", 42L), new MessageProperties());
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                .isIn(
                        "{\"stepName\":\"render-units\",\"stepExecutionId\":42}",
                        "{\"stepExecutionId\":42,\"stepName\":\"render-units\"}");
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        StepExecutionRequest back = (StepExecutionRequest) converter.fromMessage(message);
        assertThat(back.getStepName()).isEqualTo("render-units");
        assertThat(back.getStepExecutionId()).isEqualTo(42L);
    }

    @Test
    void aSerialisedJavaObjectOrOtherJsonIsRefusedNamingWhatCame() {
        byte[] java = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x73, 0x72};
        assertThatThrownBy(() -> converter.fromMessage(new Message(java, new MessageProperties())))
                .isInstanceOf(MessageConversionException.class)
                .hasMessageContaining("not a partition request");
        Message other = new Message(
                "{\"stepName\":\"render-units\"}".getBytes(StandardCharsets.UTF_8), new MessageProperties());
        assertThatThrownBy(() -> converter.fromMessage(other))
                .isInstanceOf(MessageConversionException.class)
                .hasMessageContaining("expected {\"stepName\":..., \"stepExecutionId\":...}")
                .hasMessageContaining("{\"stepName\":\"render-units\"}");
    }
}
