package com.scalecommerce.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    record OrderPaid(String orderId, long totalMinor, String currency) {}

    @Test
    void writesTheCloudEventsJsonFormat() throws Exception {
        CloudEvent event = CloudEvent.of("/orders", "order.paid", "o-1", new OrderPaid("o-1", 4200, "EUR"));

        JsonNode json = EventJson.MAPPER.readTree(event.toJson());

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo(event.id().toString());
        assertThat(json.get("source").asText()).isEqualTo("/orders");
        assertThat(json.get("type").asText()).isEqualTo("order.paid");
        assertThat(json.get("subject").asText()).isEqualTo("o-1");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(json.get("time").asText())).isEqualTo(event.time());
        assertThat(json.get("data").get("totalMinor").asLong()).isEqualTo(4200);
    }

    @Test
    void leavesOutAnAbsentSubjectInsteadOfWritingNull() throws Exception {
        CloudEvent event = CloudEvent.of("/products", "search.performed", null, Map.of("q", "shoes"));

        assertThat(EventJson.MAPPER.readTree(event.toJson()).has("subject")).isFalse();
    }

    @Test
    void readsBackWhatItWrote() {
        CloudEvent event = CloudEvent.of("/orders", "order.paid", "o-1", new OrderPaid("o-1", 4200, "EUR"));

        CloudEvent read = CloudEvent.fromJson(event.toJson());

        assertThat(read).isEqualTo(event);
        assertThat(read.dataAs(OrderPaid.class)).isEqualTo(new OrderPaid("o-1", 4200, "EUR"));
    }

    @Test
    void toleratesExtensionAttributesAndDataFieldsItDoesNotKnow() {
        String json = """
                {"specversion":"1.0","id":"6f1c2a0e-8d1f-4c1e-9d55-1f0e0b0a0c01","source":"/orders",
                 "type":"order.paid","traceparent":"00-abc-def-01",
                 "data":{"orderId":"o-2","totalMinor":1,"currency":"EUR","coupon":"X"}}
                """;

        CloudEvent event = CloudEvent.fromJson(json);

        assertThat(event.type()).isEqualTo("order.paid");
        assertThat(event.dataAs(OrderPaid.class).orderId()).isEqualTo("o-2");
    }

    @Test
    void rejectsAnEnvelopeOfAnotherSpecVersion() {
        String json = """
                {"specversion":"0.3","id":"6f1c2a0e-8d1f-4c1e-9d55-1f0e0b0a0c01","source":"/orders","type":"order.paid"}
                """;

        assertThatThrownBy(() -> CloudEvent.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("specversion");
    }

    @Test
    void rejectsAnEnvelopeWithoutAType() {
        String json = """
                {"specversion":"1.0","id":"6f1c2a0e-8d1f-4c1e-9d55-1f0e0b0a0c01","source":"/orders"}
                """;

        assertThatThrownBy(() -> CloudEvent.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> CloudEvent.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
