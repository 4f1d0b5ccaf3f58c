package com.scalecommerce.web.admin.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.web.admin.analytics.AdminSession;
import com.scalecommerce.web.admin.analytics.AnalyticsStub;
import com.scalecommerce.web.admin.catalog.CatalogAdminStub;
import com.scalecommerce.web.session.Sessions;
import com.scalecommerce.web.storefront.Browser;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import com.scalecommerce.web.storefront.UsersStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's order pages against a WireMock orders answering its admin API's real shapes: the filtered list and
 * its paging, the detail, each move calling its endpoint with the admin's token, orders' 409 shown, bad input and
 * missing CSRF tokens refused before orders is called.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
@QuarkusTestResource(AnalyticsStub.class)
class AdminOrdersPagesTest {

    static final UUID ORDER = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    static final String PATH = "/api/admin/orders/" + ORDER;

    @Inject
    Sessions sessions;

    @Inject
    CircuitBreakerMaintenance breakers;

    AdminSession admin;

    @BeforeEach
    void orders() {
        breakers.resetAll();
        OrdersStub.server.resetAll();
        admin = AdminSession.admin(sessions);
        OrdersStub.stub(get(urlPathEqualTo(PATH)), 200, OrderJson.detail(ORDER, 100042, "PAID", 3499));
    }

    @Test
    void theListShowsOrdersWithTheirFiltersPassedOnAndANextPageLink() {
        OrdersStub.stub(
                get(urlPathEqualTo("/api/admin/orders")),
                200,
                Map.of(
                        "items",
                        List.of(OrderJson.listItem(ORDER, 100042, "PAID", 3499)),
                        "nextCursor",
                        "MjAyNi0wMy0wMVQxMDoxNTozMFp8YWJj"));

        Response response = Browser.get(
                "/admin/orders?status=PAID&from=2026-03-01&to=2026-03-02&customer=ada@example.com", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        var row = page.selectFirst("table.orders tbody tr");
        assertThat(row.select("a[href=/admin/orders/" + ORDER + "]").text()).isEqualTo("#100042");
        assertThat(row.text()).contains("2026-03-01 10:15 UTC", "ada@example.com", "Paid", "$34.99");
        assertThat(page.select("select[name=status] option[selected]").val()).isEqualTo("PAID");
        assertThat(page.select("a[rel=next]").attr("href"))
                .isEqualTo("/admin/orders?status=PAID&from=2026-03-01&to=2026-03-02&customer=ada%40example.com"
                        + "&cursor=MjAyNi0wMy0wMVQxMDoxNTozMFp8YWJj");
        OrdersStub.server.verify(getRequestedFor(urlPathEqualTo("/api/admin/orders"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withQueryParam("status", equalTo("PAID"))
                .withQueryParam("from", equalTo("2026-03-01"))
                .withQueryParam("to", equalTo("2026-03-03"))
                .withQueryParam("customer", equalTo("ada@example.com"))
                .withQueryParam("cursor", absent()));
    }

    @Test
    void anUnknownStatusIsSaidOnTheListWithoutAskingOrders() {
        Response response = Browser.get("/admin/orders?status=LOST", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select(".problem").text())
                .isEqualTo("Choose a status from the list.");
        OrdersStub.server.verify(0, getRequestedFor(urlPathEqualTo("/api/admin/orders")));
    }

    @Test
    void aFilterOrdersRefusesShowsItsReason() {
        OrdersStub.stub(
                get(urlPathEqualTo("/api/admin/orders")),
                400,
                OrdersStub.problem(400, "VALIDATION_FAILED", "customer must be a user id or an email"));

        Response response = Browser.get("/admin/orders?customer=nobody", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select(".problem").text())
                .isEqualTo("customer must be a user id or an email");
    }

    @Test
    void theDetailShowsLinesPaymentTimelineAndTheMovesAPaidOrderAllows() {
        Response response = Browser.get("/admin/orders/" + ORDER, admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("h1").text()).isEqualTo("Order #100042 Paid");
        assertThat(page.select("table.lines tbody tr").text()).contains("Sky Kite", "size: L", "SKY-L", "$29.99");
        assertThat(page.select("dl.payment .total").text()).isEqualTo("$34.99");
        assertThat(page.select("ol.timeline li")).hasSize(3);
        assertThat(page.select("ol.timeline li").get(1).text()).contains("Pending payment → Paid");
        assertThat(page.select("ol.timeline .note").text()).isEqualTo("Customer asked for <gift> wrap");
        assertThat(page.select("ol.timeline gift")).isEmpty();
        assertThat(page.select(".order-actions form").eachAttr("action"))
                .containsExactly(
                        "/admin/orders/" + ORDER + "/fulfil",
                        "/admin/orders/" + ORDER + "/refund",
                        "/admin/orders/" + ORDER + "/cancel");
        assertThat(page.select("form[action$=/notes] input[name=_csrf]").val()).isEqualTo(admin.csrf());
    }

    @Test
    void shippingCallsOrdersWithCarrierAndTrackingThenShowsTheOutcomeOnce() {
        OrdersStub.stub(
                get(urlPathEqualTo(PATH)),
                200,
                OrderJson.with(OrderJson.detail(ORDER, 100042, "FULFILLING", 3499), "carrier", null));
        OrdersStub.stub(
                post(urlPathEqualTo(PATH + "/ship")),
                200,
                OrderJson.with(
                        OrderJson.with(OrderJson.detail(ORDER, 100042, "SHIPPED", 3499), "carrier", "DHL"),
                        "trackingNumber",
                        "JD0001"));

        Response shipped = Browser.post(
                "/admin/orders/" + ORDER + "/ship",
                admin.cookie(),
                Map.of("_csrf", admin.csrf(), "carrier", " DHL ", "trackingNumber", "JD0001"));

        assertThat(shipped.statusCode()).isEqualTo(303);
        assertThat(shipped.header("Location")).endsWith("/admin/orders/" + ORDER);
        OrdersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/ship"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withRequestBody(equalToJson("{\"carrier\":\"DHL\",\"trackingNumber\":\"JD0001\"}")));
        String cookie = Browser.cookieAfter(shipped, admin.cookie());
        Response next = Browser.get("/admin/orders/" + ORDER, cookie);
        assertThat(Jsoup.parse(next.asString()).select(".notice").text())
                .isEqualTo("Order 100042 was shipped with DHL (JD0001).");
        Response again = Browser.get("/admin/orders/" + ORDER, Browser.cookieAfter(next, cookie));
        assertThat(Jsoup.parse(again.asString()).select(".notice")).isEmpty();
    }

    @Test
    void eachMoveCallsItsEndpoint() {
        for (String move : List.of("fulfil", "deliver")) {
            OrdersStub.stub(
                    post(urlPathEqualTo(PATH + "/" + move)), 200, OrderJson.detail(ORDER, 100042, "PAID", 3499));
            Response answer =
                    Browser.post("/admin/orders/" + ORDER + "/" + move, admin.cookie(), Map.of("_csrf", admin.csrf()));
            assertThat(answer.statusCode()).as(move).isEqualTo(303);
            OrdersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/" + move))
                    .withHeader("Authorization", equalTo(admin.bearer())));
        }
        OrdersStub.stub(
                post(urlPathEqualTo(PATH + "/cancel")), 200, OrderJson.detail(ORDER, 100042, "CANCELLED", 3499));
        Browser.post(
                "/admin/orders/" + ORDER + "/cancel",
                admin.cookie(),
                Map.of("_csrf", admin.csrf(), "reason", "Customer changed their mind"));
        OrdersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/cancel"))
                .withRequestBody(equalToJson("{\"reason\":\"Customer changed their mind\"}")));
        OrdersStub.stub(post(urlPathEqualTo(PATH + "/notes")), 200, OrderJson.detail(ORDER, 100042, "PAID", 3499));
        Browser.post(
                "/admin/orders/" + ORDER + "/notes",
                admin.cookie(),
                Map.of("_csrf", admin.csrf(), "text", "Called the customer"));
        OrdersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/notes"))
                .withRequestBody(equalToJson("{\"text\":\"Called the customer\"}")));
    }

    @Test
    void aRefundSendsTheAmountInMinorUnitsAndItsReasonAsANote() {
        OrdersStub.stub(
                post(urlPathEqualTo(PATH + "/refund")),
                200,
                OrderJson.detail(ORDER, 100042, "PARTIALLY_REFUNDED", 3499));
        OrdersStub.stub(post(urlPathEqualTo(PATH + "/notes")), 200, OrderJson.detail(ORDER, 100042, "PAID", 3499));

        Response refunded = Browser.post(
                "/admin/orders/" + ORDER + "/refund",
                admin.cookie(),
                Map.of("_csrf", admin.csrf(), "currency", "USD", "amount", "12.50", "reason", "Arrived damaged"));

        assertThat(refunded.statusCode()).isEqualTo(303);
        OrdersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/refund"))
                .withRequestBody(equalToJson("{\"amountMinor\":1250}")));
        OrdersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/notes"))
                .withRequestBody(equalToJson("{\"text\":\"Refund reason: Arrived damaged\"}")));
    }

    @Test
    void anEmptyRefundAmountRefundsTheRest() {
        OrdersStub.stub(post(urlPathEqualTo(PATH + "/refund")), 200, OrderJson.detail(ORDER, 100042, "REFUNDED", 3499));

        Browser.post(
                "/admin/orders/" + ORDER + "/refund",
                admin.cookie(),
                Map.of("_csrf", admin.csrf(), "currency", "USD", "amount", ""));

        var refund = OrdersStub.server.findAll(postRequestedFor(urlPathEqualTo(PATH + "/refund")));
        assertThat(refund).hasSize(1);
        // No amount: orders refunds what is left. Null or left out, both mean that to orders.
        assertThat(refund.getFirst().getBodyAsString()).doesNotContainPattern("\"amountMinor\"\\s*:\\s*\\d");
        OrdersStub.server.verify(0, postRequestedFor(urlPathEqualTo(PATH + "/notes")));
    }

    @Test
    void badFormInputIsSaidOnTheOrderWithoutCallingOrders() {
        Response noTracking = Browser.post(
                "/admin/orders/" + ORDER + "/ship", admin.cookie(), Map.of("_csrf", admin.csrf(), "carrier", "DHL"));
        assertThat(noTracking.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noTracking.asString()).select(".problem").text())
                .isEqualTo("Enter the carrier and the tracking number to ship the order.");

        Response badAmount = Browser.post(
                "/admin/orders/" + ORDER + "/refund",
                admin.cookie(),
                Map.of("_csrf", admin.csrf(), "currency", "USD", "amount", "12.505"));
        assertThat(badAmount.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badAmount.asString()).select(".problem").text())
                .isEqualTo("The amount must be a positive number in USD, such as 12.50.");

        OrdersStub.server.verify(0, postRequestedFor(urlPathMatching("/api/admin/orders/.*")));
    }

    @Test
    void anIllegalMoveShowsOrdersConflictOnTheOrder() {
        OrdersStub.stub(
                post(urlPathEqualTo(PATH + "/deliver")),
                409,
                OrdersStub.problem(409, "ILLEGAL_TRANSITION", "An order in PAID cannot become DELIVERED."));

        Response refused =
                Browser.post("/admin/orders/" + ORDER + "/deliver", admin.cookie(), Map.of("_csrf", admin.csrf()));

        assertThat(refused.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".problem").text()).isEqualTo("An order in PAID cannot become DELIVERED.");
        assertThat(page.select("h1").text()).startsWith("Order #100042");
    }

    @Test
    void everyMoveWithoutTheSessionsCsrfTokenIsRefusedBeforeOrdersIsCalled() {
        AdminSession other = AdminSession.admin(sessions);
        for (String move : List.of("fulfil", "ship", "deliver", "cancel", "refund", "notes")) {
            String path = "/admin/orders/" + ORDER + "/" + move;
            assertThat(Browser.post(path, admin.cookie(), Map.of()).statusCode())
                    .as(move)
                    .isEqualTo(403);
            assertThat(Browser.post(path, admin.cookie(), Map.of("_csrf", other.csrf()))
                            .statusCode())
                    .as(move + " with another session's token")
                    .isEqualTo(403);
        }
        OrdersStub.server.verify(0, postRequestedFor(urlPathMatching("/api/admin/orders/.*")));
    }

    @Test
    void aGuestIsSentToSignInAndACustomerIsRefused() {
        Response guest = Browser.get("/admin/orders/" + ORDER, null);
        assertThat(guest.statusCode()).isEqualTo(303);
        assertThat(guest.header("Location")).endsWith("/login?next=%2Fadmin%2Forders%2F" + ORDER);
        AdminSession customer = AdminSession.customer(sessions);
        assertThat(Browser.get("/admin/orders", customer.cookie()).statusCode()).isEqualTo(403);
        assertThat(Browser.post(
                                "/admin/orders/" + ORDER + "/deliver",
                                customer.cookie(),
                                Map.of("_csrf", customer.csrf()))
                        .statusCode())
                .isEqualTo(403);
        OrdersStub.server.verify(0, postRequestedFor(urlPathMatching("/api/admin/orders/.*")));
    }

    @Test
    void anOrderReadThatFailsOnceIsAskedAgainAndThePageRenders() {
        CatalogAdminStub.failsOnce(OrdersStub.server, get(urlPathEqualTo(PATH)));

        Response response = Browser.get("/admin/orders/" + ORDER, admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.asString()).select("h1").text()).isEqualTo("Order #100042 Paid");
        OrdersStub.server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRefundThatFailsIsNotSentAgainSoTheCustomerIsRefundedOnce() {
        OrdersStub.stub(post(urlPathEqualTo(PATH + "/refund")), 200, OrderJson.detail(ORDER, 100042, "REFUNDED", 3499));
        CatalogAdminStub.failsOnce(OrdersStub.server, post(urlPathEqualTo(PATH + "/refund")));

        Response failed = Browser.post(
                "/admin/orders/" + ORDER + "/refund",
                admin.cookie(),
                Map.of("_csrf", admin.csrf(), "currency", "USD", "amount", ""));

        assertThat(failed.statusCode()).isEqualTo(503);
        OrdersStub.server.verify(1, postRequestedFor(urlPathEqualTo(PATH + "/refund")));
    }

    @Test
    void ordersDownIsAFriendly503() {
        OrdersStub.server.stubFor(get(urlPathMatching("/api/admin/orders.*"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        Response response = Browser.get("/admin/orders/" + ORDER, admin.cookie());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(Jsoup.parse(response.asString()).text()).contains("Orders cannot be reached right now");
    }
}
