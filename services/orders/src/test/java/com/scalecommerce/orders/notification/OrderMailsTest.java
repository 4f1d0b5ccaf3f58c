package com.scalecommerce.orders.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalecommerce.orders.order.Actor;
import com.scalecommerce.orders.order.NewOrder;
import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.platform.events.EventStreams;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Order mails end to end: the order changes through {@link Orders}, its event goes through the outbox, the relay
 * and Redis to the consumer, and the mail arrives at a real SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(MailServer.class) // global (not restricted): the whole suite mails into GreenMail
class OrderMailsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final Actor ADMIN = Actor.admin(UUID.randomUUID());

    @Inject
    Orders orders;

    @Inject
    AgroalDataSource db;

    @Inject
    RedisDataSource redis;

    @Test
    void aPaidOrderGetsOneConfirmationWithItsNumberLinesTotalsAndAddress() throws Exception {
        String email = email();
        Order order = orders.create(usdOrder(email, "Linen shirt", "Ada Lovelace"), Actor.system());

        orders.paid(order.id(), Actor.system());

        MimeMessage mail = awaitMailTo(email, "Your order " + order.number() + " is confirmed");
        String html = part(mail, "text/html");
        assertThat(html)
                .contains("Order " + order.number())
                .contains("Linen shirt", "size: M", "Canvas bag")
                .contains("$40.00", "$10.00") // line totals
                .contains("-$5.00", "$7.50", "$3.60") // discount, shipping, tax
                .contains("$56.10") // total
                .contains("Ada Lovelace", "1 Analytical St", "N1 9GU London", "United Kingdom");
        assertThat(part(mail, "text/plain"))
                .contains("Order " + order.number())
                .contains("- Linen shirt (size: M)", "2 x $20.00 = $40.00")
                .contains("Total: $56.10");

        everythingPublishedSoFarWasConsumed();
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void aShippedOrderGetsAMailWithCarrierAndTrackingNumber() throws Exception {
        String email = email();
        Order order = orders.create(usdOrder(email, "Linen shirt", "Ada Lovelace"), Actor.system());
        orders.paid(order.id(), Actor.system());
        orders.fulfil(order.id(), ADMIN);

        orders.ship(order.id(), ADMIN, "DHL Express", "JD014600006281");

        MimeMessage mail = awaitMailTo(email, "Your order " + order.number() + " has shipped");
        assertThat(part(mail, "text/html"))
                .contains("DHL Express", "JD014600006281", "Linen shirt", "$56.10", "Ada Lovelace");
        assertThat(part(mail, "text/plain")).contains("Carrier: DHL Express", "Tracking number: JD014600006281");
        assertThat(mailsTo(email))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Your order " + order.number() + " is confirmed",
                        "Your order " + order.number() + " has shipped");
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() throws Exception {
        String email = email();
        Order order = orders.create(usdOrder(email, "Linen shirt", "Ada Lovelace"), Actor.system());
        orders.paid(order.id(), Actor.system());
        MimeMessage first = awaitMailTo(email, "Your order " + order.number() + " is confirmed");

        // The same envelope twice more, as a relay retry or a replay from the dead letters would append it.
        String envelope = single(
                "select envelope::text from outbox_event where subject = ? and type = 'order.paid'",
                order.id().toString());
        String eventId = single(
                "select event_id::text from outbox_event where subject = ? and type = 'order.paid'",
                order.id().toString());
        var stream = redis.stream(String.class);
        stream.xadd(EventStreams.ofService("orders"), Map.of("event", envelope));
        stream.xadd(EventStreams.ofService("orders"), Map.of("event", envelope));

        everythingPublishedSoFarWasConsumed();
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(first.getMessageID()).isEqualTo("<" + eventId + "@orders.scalecommerce>");
        assertThat(single(
                        "select count(*)::text from processed_event where consumer_group = ? and event_id = ?::uuid",
                        OrderMails.CONSUMER_GROUP,
                        eventId))
                .isEqualTo("1");
    }

    @Test
    void textTheCustomerOrCatalogSuppliedIsEscapedInTheHtmlPart() throws Exception {
        String email = email();
        Order order = orders.create(
                usdOrder(email, "<script>alert('owned')</script> Tee", "<b>Mallory</b> & Co"), Actor.system());

        orders.paid(order.id(), Actor.system());

        MimeMessage mail = awaitMailTo(email, "Your order " + order.number() + " is confirmed");
        String html = part(mail, "text/html");
        assertThat(html)
                .doesNotContain("<script>", "<b>Mallory")
                .contains("&lt;script&gt;alert(", "&lt;/script&gt; Tee")
                .contains("&lt;b&gt;Mallory&lt;/b&gt; &amp; Co");
        // Plain text has nothing to escape: the customer sees the name as it was written.
        assertThat(part(mail, "text/plain")).contains("<script>alert('owned')</script> Tee");
    }

    /** USD 20.00 x 2 + 10.00 = 50.00, minus 5.00 discount, plus 7.50 shipping and 3.60 tax: 56.10. */
    private static NewOrder usdOrder(String email, String firstLineName, String recipient) {
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        address.put("recipientName", recipient).put("line1", "1 Analytical St").put("city", "London");
        address.put("postalCode", "N1 9GU").put("country", "GB");
        ObjectNode size = JsonNodeFactory.instance.objectNode().put("size", "M");
        return new NewOrder(
                null,
                email,
                "USD",
                5_000,
                500,
                750,
                360,
                5_610,
                address,
                address,
                "Standard",
                UUID.randomUUID().toString(),
                "hash",
                List.of(
                        new NewOrder.Line("SHIRT-M", UUID.randomUUID(), firstLineName, size, 2_000, 2, 4_000, 288, 400),
                        new NewOrder.Line("BAG", UUID.randomUUID(), "Canvas bag", null, 1_000, 1, 1_000, 72, 100)));
    }

    /**
     * The consumer reads the stream in order, so once the confirmation of an order paid now has arrived, every
     * entry appended before it has been handled too.
     */
    private void everythingPublishedSoFarWasConsumed() {
        String email = email();
        Order marker = orders.create(usdOrder(email, "Marker", "Marker"), Actor.system());
        orders.paid(marker.id(), Actor.system());
        awaitMailTo(email, "Your order " + marker.number() + " is confirmed");
    }

    private static MimeMessage awaitMailTo(String email, String subject) {
        return await().atMost(DELIVERY)
                .until(
                        () -> mailsTo(email).stream()
                                .filter(mail -> subject.equals(subjectOf(mail)))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MailServer.greenMail().getReceivedMessages())
                .filter(mail -> recipients(mail).contains(email))
                .toList();
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            Address[] to = mail.getRecipients(Message.RecipientType.TO);
            return to == null
                    ? List.of()
                    : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded body of the first part of this type, however deeply the multipart nests it. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String single(String sql, Object... params) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String email() {
        return "buyer-" + UUID.randomUUID() + "@example.test";
    }
}
