package com.scalecommerce.orders.notification;

import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.events.EventHandler;
import com.scalecommerce.platform.events.EventStreams;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Mails the customer when an order is paid (confirmation) and when it ships. Reads the service's own stream:
 * events carry ids and amounts only, so the address, lines and totals come from the order itself, which lives in
 * this service's database.
 *
 * <p>Exactly once as far as SMTP allows. The platform records the event id in the same transaction as
 * {@link #handle}, and the mail is handed to the SMTP server inside that transaction, before the commit. A crash
 * (or a failed commit) after the server accepted the mail but before the record commits rolls the record back, and
 * the redelivered event sends the mail again: a duplicate, never a lost mail. Sending after the commit instead
 * would turn that window into lost mails. Duplicates carry the same Message-ID (derived from the event id), so
 * mail systems that deduplicate on it show one. An SMTP failure throws, rolls back and the event comes back on the
 * next reclaim; after {@code scalecommerce.events.consumer.max-deliveries} it is parked on
 * {@code events:dlq:orders-mails}, from where it can be replayed.
 */
@ApplicationScoped
class OrderMails implements EventHandler {

    static final String CONSUMER_GROUP = "orders-mails";
    static final String ORDER_PAID = "order.paid";
    static final String ORDER_SHIPPED = "order.shipped";

    private static final Logger LOG = Logger.getLogger(OrderMails.class);

    /** Each template has an .html and a .txt variant; the mailer sends both as multipart/alternative. */
    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance confirmation(OrderMailView order);

        static native MailTemplateInstance shipment(OrderMailView order);
    }

    /** The part of order.paid / order.shipped this needs; the rest is read from the order. */
    record OrderEvent(UUID orderId, String carrier, String trackingNumber) {}

    private final Orders orders;
    private final NotificationConfig config;

    OrderMails(Orders orders, NotificationConfig config) {
        this.orders = orders;
        this.config = config;
    }

    @Override
    public String consumerGroup() {
        return CONSUMER_GROUP;
    }

    @Override
    public Set<String> streams() {
        return Set.of(EventStreams.ofService("orders"));
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ORDER_PAID, ORDER_SHIPPED);
    }

    @Override
    public void handle(CloudEvent event) {
        if (!config.enabled()) {
            return;
        }
        OrderEvent data = event.dataAs(OrderEvent.class);
        if (data.orderId() == null) {
            // Retrying cannot fix the event; it goes to the dead letters for a human to look at.
            throw new IllegalArgumentException(event.type() + " " + event.id() + " names no order");
        }
        Optional<Order> found = find(data.orderId());
        if (found.isEmpty()) {
            // The outbox commits with the order, so this only happens when the database was reset under a stream
            // that still holds old entries (a test run, a restored backup): nobody to write to, nothing to retry.
            LOG.warnf(
                    "%s event %s names order %s, which does not exist; no mail",
                    event.type(), event.id(), data.orderId());
            return;
        }
        Order order = found.get();
        OrderMailView view = OrderMailView.of(order);
        MailTemplateInstance mail = switch (event.type()) {
            case ORDER_PAID -> Templates.confirmation(view);
            case ORDER_SHIPPED -> Templates.shipment(view.shippedWith(data.carrier(), data.trackingNumber()));
            default -> throw new IllegalArgumentException("no mail for " + event.type());
        };
        String subject = ORDER_PAID.equals(event.type())
                ? "Your order " + order.number() + " is confirmed"
                : "Your order " + order.number() + " has shipped";
        // The base mail first: it replaces whatever the instance held. Blocks, which is fine: the platform runs
        // handlers on a virtual thread of their own.
        mail.mail(new Mail().addHeader("Message-ID", messageId(event)))
                .subject(subject)
                .to(order.email())
                .sendAndAwait();
        LOG.debugf("Sent %s mail for order %s (event %s)", event.type(), order.number(), event.id());
    }

    private Optional<Order> find(UUID orderId) {
        try {
            return Optional.of(orders.get(orderId));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String messageId(CloudEvent event) {
        return "<" + event.id() + "@orders.scalecommerce>";
    }
}
