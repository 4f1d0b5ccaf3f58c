package com.scalecommerce.e2e.checkout;

import static com.scalecommerce.e2e.checkout.Checkouts.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Guest;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import com.scalecommerce.e2e.harness.Shop.Stock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two hundred shoppers race for twenty units: exactly twenty pay, everyone else is told the item sold out,
 * and stock, orders and payments agree afterwards. The race is real: separate carts, separate idempotency
 * keys, all released at the same instant on virtual threads.
 */
@EndToEnd
class FlashSaleTest {

    private static final int STOCK = 20;
    private static final int SHOPPERS = 200;
    /** Carts are filled before the sale, a few at a time: filling them is not what is under test. */
    private static final int CART_FILLERS = 16;

    private final Platform platform;
    private final Shop shop;

    FlashSaleTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void twoHundredShoppersRaceForTwentyUnitsAndExactlyTwentyPay() throws Exception {
        Product product = shop.createProduct(1_999, STOCK);
        shop.shipping();
        List<Guest> guests = fillCarts(product);

        var stockSamples = new CopyOnWriteArrayList<Stock>();
        var samplerFailures = new CopyOnWriteArrayList<Throwable>();
        var saleOver = new AtomicBoolean();
        Thread sampler = Thread.ofVirtual().start(() -> {
            // Watches the SKU while the sale runs: no moment may show negative or over-reserved stock.
            while (!saleOver.get()) {
                try {
                    stockSamples.add(shop.stock(product.sku()));
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | AssertionError e) {
                    samplerFailures.add(e);
                    return;
                }
            }
        });

        List<Reply> replies = new ArrayList<>();
        var start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<Reply>>();
            for (Guest guest : guests) {
                var body = shop.guestCheckout(Shop.guestEmail(), VISA);
                String key = Shop.newIdempotencyKey();
                pending.add(executor.submit(() -> {
                    start.await();
                    return checkoutAsAClientWould(guest, key, body);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : pending) {
                replies.add(reply.get());
            }
        } finally {
            saleOver.set(true);
            sampler.join();
        }

        List<Reply> sold = replies.stream().filter(r -> r.status() == 201).toList();
        String summary =
                Reply.summarize(replies, r -> r.status() != 201 && !r.kind().equals("409 OUT_OF_STOCK"));
        assertThat(sold).as(summary).hasSize(STOCK);
        Set<String> paidOrderIds = new HashSet<>();
        for (Reply reply : sold) {
            JsonNode order = Checkouts.assertPaid(reply);
            paidOrderIds.add(order.path("id").asText());
        }
        assertThat(paidOrderIds).as("distinct orders").hasSize(STOCK);
        assertThat(replies.stream().filter(r -> r.status() != 201))
                .as(summary)
                .allSatisfy(reply -> Checkouts.assertProblem(reply, 409, "OUT_OF_STOCK"));

        Stock after = shop.stock(product.sku());
        assertThat(after).as("stock after the sale; answers: " + summary).isEqualTo(new Stock(STOCK - STOCK, 0, 0));
        assertThat(samplerFailures).as("reading stock during the sale").isEmpty();
        assertThat(stockSamples).as("stock seen during the sale").isNotEmpty().allSatisfy(seen -> {
            assertThat(seen.onHand()).isBetween(0, STOCK);
            assertThat(seen.reserved()).isBetween(0, seen.onHand());
            assertThat(seen.available()).isNotNegative();
        });

        var orders = platform.ordersDb();
        Map<String, Long> orderStatuses = Checkouts.ordersBySku(orders, product.sku());
        assertThat(orderStatuses).as("orders of the sale by status").containsEntry("PAID", (long) STOCK);
        // Orders the saga opened before learning the stock was gone must end REJECTED, never linger or pay.
        assertThat(orderStatuses.keySet()).as("orders of the sale by status").isSubsetOf("PAID", "REJECTED");
        assertThat(Checkouts.paymentsBySku(orders, product.sku()))
                .as("payments of the sale by status")
                .containsEntry("SUCCEEDED", (long) STOCK);
        assertThat(orders
                        .rows(
                                "select o.id::text as id from customer_order o join payment p on p.order_id = o.id"
                                        + " where p.status = 'SUCCEEDED' and exists (select 1 from order_line l"
                                        + " where l.order_id = o.id and l.sku = ?)",
                                product.sku())
                        .stream()
                        .map(row -> (String) row.get("id")))
                .as("the orders paid for are the ones answered 201")
                .containsExactlyInAnyOrderElementsOf(paidOrderIds);
        Checkouts.assertPaymentInvariants(orders);
    }

    private List<Guest> fillCarts(Product product) throws Exception {
        var permits = new Semaphore(CART_FILLERS);
        var guests = new ArrayList<Guest>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<Guest>>();
            for (int i = 0; i < SHOPPERS; i++) {
                pending.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return shop.guestCartWith(product, 1);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<Guest> guest : pending) {
                guests.add(guest.get());
            }
        }
        return guests;
    }

    /**
     * A 503 with Retry-After (a dependency timed out while 200 checkouts hit two cores at once) tells the client to
     * come back: it does, with the same Idempotency-Key, so a retry can never pay twice. The answer that counts is
     * the last one. Other answers are final.
     */
    private Reply checkoutAsAClientWould(Guest guest, String key, Map<String, Object> body)
            throws InterruptedException {
        Reply reply = shop.checkout(guest, key, body);
        for (int attempt = 0; attempt < 3 && reply.status() == 503; attempt++) {
            String retryAfter = reply.header("Retry-After");
            long seconds = retryAfter == null ? 1 : Math.min(5, Long.parseLong(retryAfter.strip()));
            Thread.sleep(seconds * 1000);
            reply = shop.checkout(guest, key, body);
        }
        return reply;
    }
}
