package com.scalecommerce.web.account;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import com.scalecommerce.web.storefront.UsersStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's order history and order pages against a WireMock orders answering its real customer order view
 * (orders' Order record: lists without lines, a single order with lines, NON_NULL fields, the {items,
 * nextCursor} page) with the session's bearer token.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class OrderHistoryPagesTest {

    private static final String PAID = "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private static final String SHIPPED = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        UsersStub.server.resetAll();
        OrdersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
    }

    @Test
    void theHistoryListsTheCustomersOrdersNewestFirstWithALinkToOlderOnes() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        OrdersStub.stub(
                WireMock.get(urlPathEqualTo("/api/orders")).withQueryParam("cursor", WireMock.absent()),
                200,
                Map.of(
                        "items",
                        List.of(order(SHIPPED, 100002, "SHIPPED", false), order(PAID, 100001, "PAID", false)),
                        "nextCursor",
                        "MjAyNS0wNS0xMlQxNDowMzowMFp8abc"));

        Document page = browser.page("/account/orders");

        var rows = page.select("table.orders tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).contains("No. 100002", "12 May 2025, 14:03 UTC", "Shipped", "€64.90");
        assertThat(rows.get(1).select("a").attr("href")).isEqualTo("/account/orders/" + PAID);
        assertThat(rows.get(1).text()).contains("Paid");
        assertThat(page.select("a[rel=next]").attr("href"))
                .isEqualTo("/account/orders?cursor=MjAyNS0wNS0xMlQxNDowMzowMFp8abc");
        OrdersStub.server.verify(getRequestedFor(urlEqualTo("/api/orders?limit=20"))
                .withHeader("Authorization", equalTo(browser.bearer())));

        OrdersStub.stub(
                WireMock.get(urlPathEqualTo("/api/orders"))
                        .withQueryParam("cursor", equalTo("MjAyNS0wNS0xMlQxNDowMzowMFp8abc")),
                200,
                Map.of("items", List.of()));
        Document older = browser.page("/account/orders?cursor=MjAyNS0wNS0xMlQxNDowMzowMFp8abc");
        assertThat(older.select("main").text()).contains("No older orders.");
        assertThat(older.select("a[rel=next]")).isEmpty();
    }

    @Test
    void aCursorThatIsNotOrdersIsRefusedWithoutACall() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        assertThat(browser.get("/account/orders?cursor=%3Cscript%3E").statusCode())
                .isEqualTo(400);
        assertThat(OrdersStub.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anOrderShowsLinesTotalsAddressesTrackingAndTimeline() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        OrdersStub.stub(
                WireMock.get(urlEqualTo("/api/orders/" + SHIPPED)), 200, order(SHIPPED, 100002, "SHIPPED", true));

        Document page = browser.page("/account/orders/" + SHIPPED);

        assertThat(page.select("h1").text()).isEqualTo("Order No. 100002");
        var lines = page.select("table.order-lines tbody tr");
        assertThat(lines).hasSize(1);
        assertThat(lines.text()).contains("Delta kite", "colour: red", "SKU KITE-RED", "€29.95", "2", "€59.90");
        assertThat(page.select(".totals").text())
                .contains("Subtotal €59.90", "Shipping (Standard) €5.00", "Tax €0.00", "Total €64.90");
        assertThat(page.select(".order-addresses").text())
                .contains("Ada Lovelace", "12 Analytical Row", "NW1 2AB London", "United Kingdom");
        assertThat(page.select(".shipment").text()).contains("DHL", "JD0123456789");
        assertThat(page.select(".progress li.current").text()).isEqualTo("Shipped");
        assertThat(page.select(".progress li.done")).hasSize(4);
        var timeline = page.select(".timeline li");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).text()).contains("12 May 2025, 14:03 UTC", "Order placed");
        assertThat(timeline.get(1).text())
                .contains("13 May 2025, 09:30 UTC", "Shipped", "With DHL, tracking number JD0123456789");
        // Shipped: too late to cancel.
        assertThat(page.select("form[action$=/cancel]")).isEmpty();
        OrdersStub.server.verify(getRequestedFor(urlEqualTo("/api/orders/" + SHIPPED))
                .withHeader("Authorization", equalTo(browser.bearer())));
    }

    @Test
    void statusChangesFromOrdersAreShownInTheTimelineWithoutNotes() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        var withTimeline = order(PAID, 100001, "PAID", true);
        withTimeline.put(
                "timeline",
                List.of(
                        Map.of(
                                "at",
                                "2025-05-12T14:03:00Z",
                                "actor",
                                "customer:x",
                                "toStatus",
                                "PENDING_PAYMENT",
                                "note",
                                "Order created"),
                        Map.of("at", "2025-05-12T14:04:00Z", "actor", "admin:y", "note", "internal: called the bank"),
                        Map.of(
                                "at",
                                "2025-05-12T14:05:00Z",
                                "actor",
                                "system",
                                "fromStatus",
                                "PENDING_PAYMENT",
                                "toStatus",
                                "PAID")));
        OrdersStub.stub(WireMock.get(urlEqualTo("/api/orders/" + PAID)), 200, withTimeline);

        Document page = browser.page("/account/orders/" + PAID);

        assertThat(page.select(".timeline li").eachText())
                .containsExactly("12 May 2025, 14:03 UTC Order placed", "12 May 2025, 14:05 UTC Paid");
        assertThat(page.text()).doesNotContain("internal");
    }

    @Test
    void aPaidOrderCanBeCancelledWithAPostAndThePageSaysSo() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        OrdersStub.stub(WireMock.get(urlEqualTo("/api/orders/" + PAID)), 200, order(PAID, 100001, "PAID", true));
        var cancelled = order(PAID, 100001, "CANCELLED", true);
        cancelled.put("refundedMinor", 6490);
        OrdersStub.stub(WireMock.post(urlEqualTo("/api/orders/" + PAID + "/cancel")), 200, cancelled);
        Document page = browser.page("/account/orders/" + PAID);
        assertThat(page.select("form[action=/account/orders/" + PAID + "/cancel] input[name=_csrf]"))
                .hasSize(1);

        Response cancel = browser.post("/account/orders/" + PAID + "/cancel", Map.of());

        assertThat(cancel.statusCode()).isEqualTo(303);
        assertThat(cancel.header("Location")).endsWith("/account/orders/" + PAID);
        OrdersStub.server.verify(postRequestedFor(urlEqualTo("/api/orders/" + PAID + "/cancel"))
                .withHeader("Authorization", equalTo(browser.bearer())));
        OrdersStub.stub(WireMock.get(urlEqualTo("/api/orders/" + PAID)), 200, cancelled);
        Document after = browser.page("/account/orders/" + PAID);
        assertThat(after.select(".notice").text())
                .isEqualTo("Your order is cancelled. Your payment is being refunded.");
        assertThat(after.select("form[action$=/cancel]")).isEmpty();
        assertThat(after.select(".totals").text()).contains("Refunded €64.90");
    }

    @Test
    void aCancelThatComesTooLateIsExplained() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        OrdersStub.stub(
                WireMock.post(urlEqualTo("/api/orders/" + PAID + "/cancel")),
                409,
                OrdersStub.problem(409, "ILLEGAL_TRANSITION", "An order in FULFILLING cannot move to CANCELLED."));
        OrdersStub.stub(WireMock.get(urlEqualTo("/api/orders/" + PAID)), 200, order(PAID, 100001, "FULFILLING", true));

        Response cancel = browser.post("/account/orders/" + PAID + "/cancel", Map.of());

        assertThat(cancel.statusCode()).isEqualTo(303);
        assertThat(browser.page("/account/orders/" + PAID).select(".notice").text())
                .isEqualTo("This order can no longer be cancelled: it is already being prepared or on its way.");
    }

    @Test
    void anotherCustomersOrderIsA404Page() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        String theirs = UUID.randomUUID().toString();
        OrdersStub.stub(
                WireMock.get(urlEqualTo("/api/orders/" + theirs)),
                404,
                OrdersStub.problem(404, "ORDER_NOT_FOUND", "No such order."));

        Response response = browser.get("/account/orders/" + theirs);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.asString()).select("main p").first().text())
                .isEqualTo("We could not find that order in your account.");
        assertThat(browser.get("/account/orders/100001").statusCode()).isEqualTo(404);
    }

    @Test
    void ordersDownIsAFriendly503() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        OrdersStub.stub(WireMock.get(urlPathEqualTo("/api/orders")), 503, Map.of());

        Response down = browser.get("/account/orders");

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(Jsoup.parse(down.asString()).select("main p").first().text())
                .startsWith("Your orders cannot be shown or changed right now.");
    }

    /** Orders' Order as its customer API answers it; {@code withLines}: the single-order view. */
    private static Map<String, Object> order(String id, long number, String status, boolean withLines) {
        var o = new LinkedHashMap<String, Object>();
        o.put("id", id);
        o.put("number", number);
        o.put("userId", SignedInBrowser.USER);
        o.put("email", SignedInBrowser.EMAIL);
        o.put("status", status);
        o.put("currency", "EUR");
        o.put("subtotalMinor", 5990);
        o.put("discountMinor", 0);
        o.put("shippingMinor", 500);
        o.put("taxMinor", 0);
        o.put("totalMinor", 6490);
        o.put("refundedMinor", 0);
        var address = Map.of(
                "recipientName", "Ada Lovelace",
                "line1", "12 Analytical Row",
                "city", "London",
                "postalCode", "NW1 2AB",
                "country", "GB");
        o.put("shippingAddress", address);
        o.put("billingAddress", address);
        o.put("shippingMethod", "Standard");
        if ("SHIPPED".equals(status)) {
            o.put("carrier", "DHL");
            o.put("trackingNumber", "JD0123456789");
        }
        o.put("createdAt", "2025-05-12T14:03:00.123456Z");
        o.put("updatedAt", "2025-05-13T09:30:00Z");
        if (withLines) {
            o.put(
                    "lines",
                    List.of(Map.of(
                            "sku", "KITE-RED",
                            "productId", UUID.randomUUID().toString(),
                            "name", "Delta kite",
                            "options", Map.of("colour", "red"),
                            "unitPriceMinor", 2995,
                            "quantity", 2,
                            "lineTotalMinor", 5990,
                            "taxMinor", 0,
                            "discountMinor", 0)));
        }
        return o;
    }
}
