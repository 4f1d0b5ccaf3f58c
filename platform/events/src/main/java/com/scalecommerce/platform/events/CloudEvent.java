package com.scalecommerce.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in its JSON format, the unit that travels from an outbox to every consumer.
 * Unknown attributes (extensions) are ignored when reading, so producers can add some without breaking
 * consumers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        @JsonProperty("specversion") String specVersion,
        UUID id,
        String source,
        String type,
        Instant time,
        String subject,
        @JsonProperty("datacontenttype") String dataContentType,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON_CONTENT_TYPE = "application/json";

    public CloudEvent {
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException("CloudEvents specversion must be 1.0, was " + specVersion);
        }
        requirePresent(id, "id");
        requirePresent(source, "source");
        requirePresent(type, "type");
    }

    /** A new event with a fresh id, stamped now. */
    public static CloudEvent of(String source, String type, String subject, Object data) {
        return new CloudEvent(
                SPEC_VERSION,
                UUID.randomUUID(),
                source,
                type,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                subject,
                JSON_CONTENT_TYPE,
                asReadBack(data));
    }

    /**
     * The data as a consumer will parse it (a long that fits an int reads back as an int, for one), so the event
     * an outbox returns equals the one consumers receive.
     */
    private static JsonNode asReadBack(Object data) {
        try {
            return EventJson.MAPPER.readTree(EventJson.MAPPER.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "event data of type " + data.getClass().getName() + " cannot be written as JSON", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a CloudEvents 1.0 JSON envelope
     */
    public static CloudEvent fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("no CloudEvent JSON");
        }
        try {
            return EventJson.MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        try {
            return EventJson.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CloudEvent " + id + " cannot be written as JSON", e);
        }
    }

    /** The data read as a consumer's own DTO; fields the DTO does not know are ignored. */
    public <T> T dataAs(Class<T> type) {
        try {
            return EventJson.MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "data of " + this.type + " event " + id + " does not fit " + type.getSimpleName(), e);
        }
    }

    private static void requirePresent(Object value, String attribute) {
        if (Objects.isNull(value) || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("CloudEvent attribute '" + attribute + "' is required");
        }
    }
}
