package com.scalecommerce.e2e.checkout;

import static com.scalecommerce.e2e.checkout.Checkouts.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Guest;
import com.scalecommerce.e2e.harness.Json;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import com.scalecommerce.e2e.harness.Shop.Stock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A checkout retried by a flaky network or a double click must place one order and take one payment: the
 * Idempotency-Key makes every repeat an answer from the first attempt.
 */
@EndToEnd
class IdempotencyTest {

    private final Platform platform;
    private final Shop shop;

    IdempotencyTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void theSameRequestTenTimesInARowPlacesOneOrderAndReplaysItsAnswer() {
        Product product = shop.createProduct(1_250, 10);
        Guest guest = shop.guestCartWith(product, 2);
        String key = Shop.newIdempotencyKey();
        // One serialised body, so every attempt is byte for byte the same request.
        String body = Json.write(shop.guestCheckout(Shop.guestEmail(), VISA));

        List<Reply> replies = new ArrayList<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            replies.add(shop.checkout(guest, key, body));
        }

        Reply first = replies.getFirst();
        Checkouts.assertPaid(first);
        assertThat(Checkouts.replayed(first))
                .as("the first answer is no replay")
                .isFalse();
        UUID orderId = Checkouts.orderId(first);
        for (Reply replay : replies.subList(1, replies.size())) {
            assertThat(replay.status()).as(replay.describe()).isEqualTo(201);
            assertThat(Checkouts.replayed(replay)).as(replay.describe()).isTrue();
            assertThat(replay.json()).as("a replay repeats the first answer").isEqualTo(first.json());
        }
        assertOneOrderAndOnePayment(product, orderId);
        assertThat(shop.stock(product.sku())).isEqualTo(new Stock(8, 0, 8));
    }

    @Test
    void fiveConcurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        Product product = shop.createProduct(1_250, 10);
        Guest guest = shop.guestCartWith(product, 1);
        String key = Shop.newIdempotencyKey();
        String body = Json.write(shop.guestCheckout(Shop.guestEmail(), VISA));

        List<Reply> replies = new ArrayList<>();
        var start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<Reply>>();
            for (int i = 0; i < 5; i++) {
                pending.add(executor.submit(() -> {
                    start.await();
                    return shop.checkout(guest, key, body);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : pending) {
                replies.add(reply.get());
            }
        }

        String summary = Reply.summarize(replies, r -> r.status() != 201);
        assertThat(replies)
                .as(summary)
                .allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        UUID orderId = Checkouts.orderId(replies.getFirst());
        assertThat(replies)
                .as(summary)
                .allSatisfy(reply -> assertThat(Checkouts.orderId(reply)).isEqualTo(orderId));
        assertThat(replies.stream().filter(reply -> !Checkouts.replayed(reply)))
                .as("answers that are not replays: " + summary)
                .hasSize(1);
        Checkouts.assertPaid(replies.stream()
                .filter(reply -> !Checkouts.replayed(reply))
                .findFirst()
                .orElseThrow());
        assertOneOrderAndOnePayment(product, orderId);
        assertThat(shop.stock(product.sku())).isEqualTo(new Stock(9, 0, 9));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Product product = shop.createProduct(1_250, 10);
        Guest guest = shop.guestCartWith(product, 1);
        String key = Shop.newIdempotencyKey();
        Checkouts.assertPaid(shop.checkout(guest, key, shop.guestCheckout(Shop.guestEmail(), VISA)));

        Reply reused = shop.checkout(guest, key, shop.guestCheckout(Shop.guestEmail(), VISA));

        Checkouts.assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(Checkouts.ordersBySku(platform.ordersDb(), product.sku())).isEqualTo(Map.of("PAID", 1L));
    }

    private void assertOneOrderAndOnePayment(Product product, UUID orderId) {
        var orders = platform.ordersDb();
        assertThat(Checkouts.ordersBySku(orders, product.sku())).isEqualTo(Map.of("PAID", 1L));
        assertThat(Checkouts.paymentsBySku(orders, product.sku())).isEqualTo(Map.of("SUCCEEDED", 1L));
        assertThat(Checkouts.paymentStatus(orders, orderId)).isEqualTo("SUCCEEDED");
        Checkouts.assertPaymentInvariants(orders);
    }
}
