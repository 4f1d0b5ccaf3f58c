package com.scalecommerce.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class OrderHooksTest {

    @Inject
    Orders orders;

    @Inject
    OrderHooksRecorder hooks;

    @Inject
    io.agroal.api.AgroalDataSource db;

    @Test
    void cancellingTellsTheSagaWhetherToReleaseStockOrRefund() {
        Order unpaid = OrderFixture.in(orders, OrderStatus.PENDING_PAYMENT, UUID.randomUUID());
        Order paid = OrderFixture.in(orders, OrderStatus.PAID, UUID.randomUUID());

        orders.cancel(unpaid.id(), Actor.system(), "abandoned");
        orders.cancelByCustomer(paid.id(), paid.userId());

        assertThat(hooks.cancellations())
                .contains(new OrderCancelled(unpaid.id(), OrderStatus.PENDING_PAYMENT, false, 0, "system"))
                .contains(new OrderCancelled(
                        paid.id(), OrderStatus.PAID, true, paid.totalMinor(), "customer:" + paid.userId()));
    }

    @Test
    void aRefundAsksThePaymentSideForExactlyTheRecordedAmount() {
        Order order = OrderFixture.in(orders, OrderStatus.SHIPPED, UUID.randomUUID());
        orders.refund(order.id(), Actor.admin(OrderFixture.ADMIN_ID), 1_234L);

        assertThat(hooks.refunds())
                .contains(new OrderRefundRequested(order.id(), 1_234, 1_234, "EUR", "admin:" + OrderFixture.ADMIN_ID));
    }

    @Test
    void aRefusedTransitionFiresNoHook() {
        Order order = OrderFixture.in(orders, OrderStatus.SHIPPED, UUID.randomUUID());
        assertThatThrownBy(() -> orders.cancel(order.id(), Actor.system(), "too late"))
                .isInstanceOf(ProblemException.class);
        assertThat(hooks.cancellations()).noneMatch(event -> event.orderId().equals(order.id()));
    }

    @Test
    void theSagaEmitsOrderPlacedAndOrderPaidThroughTheOutbox() throws java.sql.SQLException {
        Order order = OrderFixture.create(orders, UUID.randomUUID(), 4_200);
        orders.placed(order.id());
        orders.paid(order.id(), Actor.system());

        var seen = new java.util.ArrayList<String>();
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select type, envelope -> 'data' ->> 'totalMinor',"
                        + " envelope -> 'data' ->> 'number' from outbox_event where subject = ? order by id")) {
            select.setString(1, order.id().toString());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
        }
        assertThat(seen).containsExactly("order.placed 4200 " + order.number(), "order.paid 4200 " + order.number());
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aSecondOrderWithTheSameIdempotencyKeyIsRefused() {
        NewOrder order = OrderFixture.order(UUID.randomUUID(), "twice@example.test", 2_000);
        orders.create(order, Actor.system());
        assertThatThrownBy(() -> orders.create(order, Actor.system()))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
    }
}
