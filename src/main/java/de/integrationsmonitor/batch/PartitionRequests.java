package de.integrationsmonitor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request on the wire: {@code {"stepName":"render-units","stepExecutionId":42}} as JSON, readable in the
 * broker's console, instead of a serialised Java object, which a worker would have to deserialise from whoever can
 * write to the queue.
 */
final class PartitionRequests implements MessageConverter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        if (!(object instanceof StepExecutionRequest request)) {
            throw new MessageConversionException("not a partition request: " + object);
        }
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        try {
            return new Message(
                    JSON.writeValueAsBytes(
                            Map.of("stepName", request.getStepName(), "stepExecutionId", request.getStepExecutionId())),
                    properties);
        } catch (IOException e) {
            throw new MessageConversionException("partition request " + request, e);
        }
    }

    @Override
    public Object fromMessage(Message message) {
        try {
            JsonNode node = JSON.readTree(message.getBody());
            if (node == null
                    || !node.path("stepName").isTextual()
                    || !node.path("stepExecutionId").canConvertToLong()) {
                throw new MessageConversionException("not a partition request (expected {\"stepName\":...,"
                        + " \"stepExecutionId\":...}): " + abbreviated(message.getBody()));
            }
            return new StepExecutionRequest(
                    node.get("stepName").asText(), node.get("stepExecutionId").asLong());
        } catch (IOException e) {
            throw new MessageConversionException(
                    "not a partition request (no JSON): " + abbreviated(message.getBody()), e);
        }
    }

    private static String abbreviated(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 80), java.nio.charset.StandardCharsets.UTF_8);
        return body.length > 80 ? text + "…" : text;
    }
}
