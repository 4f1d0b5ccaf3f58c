package com.scalecommerce.orders.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.scalecommerce.orders.order.Actor;
import com.scalecommerce.orders.order.NewOrder;
import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.order.Orders;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MailsSwitchedOffTest.MailsOff.class)
class MailsSwitchedOffTest {

    public static class MailsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scalecommerce.orders.notification.enabled", "false");
        }
    }

    @Inject
    Orders orders;

    @Inject
    AgroalDataSource db;

    @Test
    void switchedOffTheEventIsConsumedWithoutAMailSoSwitchingOnSendsNoBacklog() throws Exception {
        String email = "buyer-" + UUID.randomUUID() + "@example.test";
        Order order = orders.create(
                new NewOrder(
                        null,
                        email,
                        "EUR",
                        1_000,
                        0,
                        0,
                        0,
                        1_000,
                        JsonNodeFactory.instance.objectNode().put("country", "DE"),
                        null,
                        "Standard",
                        UUID.randomUUID().toString(),
                        "hash",
                        List.of(new NewOrder.Line("MUG", UUID.randomUUID(), "Mug", null, 1_000, 1, 1_000, 0, 0))),
                Actor.system());

        orders.paid(order.id(), Actor.system());

        await().atMost(Duration.ofSeconds(20)).until(() -> processedByTheMailConsumer(order.id()));
        assertThat(Arrays.stream(MailServer.greenMail().getReceivedMessages()).filter(mail -> mailTo(mail, email)))
                .isEmpty();
    }

    private boolean processedByTheMailConsumer(UUID orderId) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select 1 from processed_event p join outbox_event o"
                        + " on o.event_id = p.event_id where p.consumer_group = ? and o.subject = ?"
                        + " and o.type = 'order.paid'")) {
            query.setString(1, OrderMails.CONSUMER_GROUP);
            query.setString(2, orderId.toString());
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean mailTo(jakarta.mail.internet.MimeMessage mail, String email) {
        try {
            var to = mail.getRecipients(jakarta.mail.Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to).anyMatch(address -> address.toString().equals(email));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
