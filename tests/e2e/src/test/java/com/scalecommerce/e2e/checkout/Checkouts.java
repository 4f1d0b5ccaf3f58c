package com.scalecommerce.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.Database;
import com.scalecommerce.e2e.harness.Reply;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the checkout journeys assert alike: the answers' shape, and the orders database read back. */
final class Checkouts {

    static final String VISA = "pm_card_visa";
    static final String DECLINED_CARD = "pm_card_chargeDeclined";
    static final String REPLAYED = "Idempotent-Replayed";

    private Checkouts() {}

    /** A 201 with a PAID order and a SUCCEEDED payment, and a Location naming the order; answers the order. */
    static JsonNode assertPaid(Reply reply) {
        assertThat(reply.status()).as(reply.describe()).isEqualTo(201);
        JsonNode order = reply.json().path("order");
        assertThat(order.path("status").asText()).as(reply.describe()).isEqualTo("PAID");
        assertThat(reply.json().path("payment").path("status").asText())
                .as(reply.describe())
                .isEqualTo("SUCCEEDED");
        assertThat(reply.header("Location"))
                .as(reply.describe())
                .endsWith("/api/orders/" + order.path("id").asText());
        return order;
    }

    /** A problem+json answer with this status and machine code. */
    static JsonNode assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.describe()).isEqualTo(status);
        assertThat(reply.isProblem()).as("content type of " + reply.describe()).isTrue();
        assertThat(reply.problemCode()).as(reply.describe()).isEqualTo(code);
        return reply.json();
    }

    static UUID orderId(Reply reply) {
        return UUID.fromString(reply.json().path("order").path("id").asText());
    }

    static boolean replayed(Reply reply) {
        return "true".equalsIgnoreCase(reply.header(REPLAYED));
    }

    /** Orders holding a line of this SKU, by status: each test's SKU is its own, so these are its orders. */
    static Map<String, Long> ordersBySku(Database orders, String sku) {
        return orders
                .rows(
                        "select o.status, count(*) as n from customer_order o"
                                + " where exists (select 1 from order_line l where l.order_id = o.id and l.sku = ?)"
                                + " group by o.status",
                        sku)
                .stream()
                .collect(Collectors.toMap(row -> (String) row.get("status"), row -> (Long) row.get("n")));
    }

    /** Payments of orders holding this SKU, by payment status. */
    static Map<String, Long> paymentsBySku(Database orders, String sku) {
        return orders
                .rows(
                        "select p.status, count(*) as n from payment p join customer_order o on o.id = p.order_id"
                                + " where exists (select 1 from order_line l where l.order_id = o.id and l.sku = ?)"
                                + " group by p.status",
                        sku)
                .stream()
                .collect(Collectors.toMap(row -> (String) row.get("status"), row -> (Long) row.get("n")));
    }

    static String paymentStatus(Database orders, UUID orderId) {
        var rows = orders.rows("select status from payment where order_id = ?", orderId);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }

    /**
     * Invariants of the whole orders database, whatever else ran: every payment belongs to an order, no order
     * holds two payments, no rejected order kept a successful payment.
     */
    static void assertPaymentInvariants(Database orders) {
        assertThat(orders.count("select count(*) from payment p"
                        + " where not exists (select 1 from customer_order o where o.id = p.order_id)"))
                .as("payments without an order")
                .isZero();
        assertThat(orders.count(
                        "select count(*) from (select order_id from payment group by order_id having count(*) > 1) x"))
                .as("orders with more than one payment")
                .isZero();
        assertThat(orders.count("select count(*) from customer_order o join payment p on p.order_id = o.id"
                        + " where o.status = 'REJECTED' and p.status = 'SUCCEEDED'"))
                .as("rejected orders with a successful payment")
                .isZero();
    }
}
