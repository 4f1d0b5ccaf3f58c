package com.scalecommerce.web.admin.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.web.admin.catalog.AdminSignIn;
import com.scalecommerce.web.admin.catalog.CatalogAdminStub;
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

/** Stock pages against a WireMock products answering its admin inventory API's real shapes. */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class AdminInventoryPagesTest {

    private static final UUID PRODUCT = UUID.randomUUID();

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        UsersStub.server.resetAll();
        ProductsStub.server.resetAll();
        OrdersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlEqualTo("/api/admin/inventory/DK-1")),
                200,
                CatalogAdminStub.stock("DK-1", PRODUCT, 3, 1, 5));
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlPathEqualTo("/api/admin/inventory/DK-1/ledger")),
                200,
                CatalogAdminStub.page(
                        List.of(CatalogAdminStub.ledgerEntry("DK-1", 3, "RECEIVED", "first delivery")), null));
    }

    @Test
    void theLowStockListAsksProductsForLowStockOnly() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlPathEqualTo("/api/admin/inventory")),
                200,
                CatalogAdminStub.page(List.of(CatalogAdminStub.stock("DK-1", PRODUCT, 3, 1, 5)), null));
        String admin = AdminSignIn.admin();

        Document page = AdminSignIn.open("/admin/inventory?status=LOW_STOCK", admin, 200)
                .html();

        ProductsStub.server.verify(getRequestedFor(urlEqualTo("/api/admin/inventory?status=LOW_STOCK&limit=50"))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken())));
        assertThat(page.select("tr[data-sku=DK-1] td").eachText())
                .containsExactly("DK-1", "Delta kite", "3", "1", "2", "5", "Low");
        assertThat(page.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Low stock");
    }

    @Test
    void theSkuPageShowsItsFiguresAndLedger() {
        String admin = AdminSignIn.admin();
        Document page = AdminSignIn.open("/admin/inventory/DK-1", admin, 200).html();
        assertThat(page.select("dd.available").text()).isEqualTo("2");
        assertThat(page.select("table.ledger tbody tr td").eachText()).contains("RECEIVED", "+3", "first delivery");
        assertThat(page.select("input[name=lowStockThreshold]").val()).isEqualTo("5");
    }

    @Test
    void receivingStockPostsTheReceiptAndSaysTheNewFigures() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/inventory/DK-1/receipts")),
                200,
                CatalogAdminStub.stock("DK-1", PRODUCT, 13, 1, 5));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/inventory/DK-1", admin, 200);

        Response received = AdminSignIn.post(
                page, "/admin/inventory/DK-1/receipts", Map.of("quantity", "10", "reason", "", "reference", "PO-7"));

        assertThat(received.statusCode()).isEqualTo(303);
        assertThat(received.header("Location")).endsWith("/admin/inventory/DK-1");
        ProductsStub.server.verify(postRequestedFor(urlEqualTo("/api/admin/inventory/DK-1/receipts"))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken()))
                .withRequestBody(equalToJson("{\"quantity\":10,\"reason\":null,\"reference\":\"PO-7\"}")));
        Document after = AdminSignIn.open("/admin/inventory/DK-1", Browser.cookieAfter(received, page.cookie()), 200)
                .html();
        assertThat(after.select(".notice").text()).isEqualTo("Received 10: 13 on hand, 12 available.");
    }

    @Test
    void aStockReadThatFailsOnceIsAskedAgainAndThePageRenders() {
        CatalogAdminStub.failsOnce(ProductsStub.server, get(urlEqualTo("/api/admin/inventory/DK-1")));
        String admin = AdminSignIn.admin();

        Document page = AdminSignIn.open("/admin/inventory/DK-1", admin, 200).html();

        assertThat(page.select("dd.available").text()).isEqualTo("2");
        ProductsStub.server.verify(2, getRequestedFor(urlEqualTo("/api/admin/inventory/DK-1")));
    }

    @Test
    void aReceiptThatFailsIsNotSentAgainSoTheDeliveryIsCountedOnce() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/inventory/DK-1/receipts")),
                200,
                CatalogAdminStub.stock("DK-1", PRODUCT, 13, 1, 5));
        CatalogAdminStub.failsOnce(ProductsStub.server, post(urlEqualTo("/api/admin/inventory/DK-1/receipts")));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/inventory/DK-1", admin, 200);

        Response failed = AdminSignIn.post(
                page, "/admin/inventory/DK-1/receipts", Map.of("quantity", "10", "reason", "", "reference", "PO-7"));

        assertThat(failed.statusCode()).isEqualTo(503);
        ProductsStub.server.verify(1, postRequestedFor(urlEqualTo("/api/admin/inventory/DK-1/receipts")));
    }

    @Test
    void aCorrectionNeedsAReasonAndIsNotSentWithoutOne() {
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/inventory/DK-1", admin, 200);

        Response refused =
                AdminSignIn.post(page, "/admin/inventory/DK-1/corrections", Map.of("onHand", "2", "reason", " "));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document html = Jsoup.parse(refused.asString());
        assertThat(html.select(".problem li").text()).isEqualTo("reason: is required");
        assertThat(html.select("input[name=onHand]").val()).isEqualTo("2");
        ProductsStub.server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void productsRefusalOfACorrectionIsShownWithTheCountKept() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/inventory/DK-1/corrections")),
                409,
                UsersStub.problem(409, "BELOW_RESERVED", "On hand cannot go below the 1 reserved unit."));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/inventory/DK-1", admin, 200);

        Response refused = AdminSignIn.post(
                page, "/admin/inventory/DK-1/corrections", Map.of("onHand", "0", "reason", "Stocktake"));

        assertThat(refused.statusCode()).isEqualTo(409);
        Document html = Jsoup.parse(refused.asString());
        assertThat(html.select(".problem p").text()).isEqualTo("On hand cannot go below the 1 reserved unit.");
        assertThat(html.select("input[name=reason]").eachAttr("value")).contains("Stocktake");
        ProductsStub.server.verify(postRequestedFor(urlEqualTo("/api/admin/inventory/DK-1/corrections"))
                .withRequestBody(equalToJson("{\"onHand\":0,\"reason\":\"Stocktake\",\"reference\":null}")));
    }

    @Test
    void theThresholdIsPutAsProductsTakesIt() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                put(urlEqualTo("/api/admin/inventory/DK-1/threshold")),
                200,
                CatalogAdminStub.stock("DK-1", PRODUCT, 3, 1, 2));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/inventory/DK-1", admin, 200);

        Response saved = AdminSignIn.post(page, "/admin/inventory/DK-1/threshold", Map.of("lowStockThreshold", "2"));

        assertThat(saved.statusCode()).isEqualTo(303);
        ProductsStub.server.verify(putRequestedFor(urlEqualTo("/api/admin/inventory/DK-1/threshold"))
                .withRequestBody(equalToJson("{\"lowStockThreshold\":2}")));
    }

    @Test
    void stockChangesNeedTheFormsTokenAndTheAdminRole() {
        String admin = AdminSignIn.admin();
        assertThat(Browser.post("/admin/inventory/DK-1/receipts", admin, Map.of("quantity", "5"))
                        .statusCode())
                .isEqualTo(403);
        String customer = AdminSignIn.customer();
        assertThat(Browser.get("/admin/inventory", customer).statusCode()).isEqualTo(403);
        ProductsStub.server.verify(0, postRequestedFor(anyUrl()));
        ProductsStub.server.verify(0, getRequestedFor(urlPathEqualTo("/api/admin/inventory")));
    }
}
