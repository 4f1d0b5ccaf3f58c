package com.scalecommerce.web.admin.overview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.web.admin.analytics.AdminSession;
import com.scalecommerce.web.admin.analytics.AnalyticsStub;
import com.scalecommerce.web.admin.orders.OrderJson;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin overview against WireMock analytics, products and orders answering their real shapes: every panel,
 * charts as inline SVG with a text alternative and a table, the period choice, the admin gate, and analytics
 * being down costing only its own panels.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
@QuarkusTestResource(AnalyticsStub.class)
class OverviewPageTest {

    static final UUID ORDER = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    @Inject
    Sessions sessions;

    @Inject
    CircuitBreakerMaintenance breakers;

    AdminSession admin;

    @BeforeEach
    void shop() {
        breakers.resetAll();
        AnalyticsStub.server.resetAll();
        ProductsStub.server.resetAll();
        OrdersStub.server.resetAll();
        AnalyticsStub.answersEveryReport();
        lowStock();
        OrdersStub.stub(
                get(urlPathEqualTo("/api/admin/orders")),
                200,
                Map.of("items", List.of(OrderJson.listItem(ORDER, 100042, "PAID", 3499))));
        admin = AdminSession.admin(sessions);
    }

    @Test
    void aGuestIsSentToSignInAndBackHere() {
        Response page = Browser.get("/admin", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/login?next=%2Fadmin");
        assertThat(Browser.get("/admin?days=7", null).header("Location")).endsWith("/login?next=%2Fadmin%3Fdays%3D7");
    }

    @Test
    void aCustomerWithoutTheAdminRoleIsRefused() {
        Response page = Browser.get("/admin", AdminSession.customer(sessions).cookie());
        assertThat(page.statusCode()).isEqualTo(403);
        AnalyticsStub.server.verify(0, getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/sales")));
    }

    @Test
    void everyPanelIsDrawnFromItsService() {
        Response response = Browser.get("/admin", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select(".analytics-down")).isEmpty();
        var sales = page.selectFirst(".panel.sales [data-currency=USD]");
        assertThat(sales.select(".kpis .gross").text()).isEqualTo("$85.01");
        assertThat(sales.select(".kpis .orders").text()).isEqualTo("3");
        assertThat(sales.select(".kpis .change").first().text()).isEqualTo("+112.5%");
        // The chart: inline SVG named for assistive technology, one bar per day with its own label.
        var chart = sales.selectFirst("svg.bar-chart");
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.selectFirst("title").text()).isEqualTo("Sales per day in USD");
        assertThat(chart.selectFirst("desc").text()).contains("3 days", "$85.01");
        assertThat(chart.select("rect.bar")).hasSize(3);
        assertThat(chart.select("rect.bar title").eachText())
                .containsExactly(
                        "Mar 1: $70.01 from 2 orders", "Mar 2: $0.00 from 0 orders", "Mar 3: $15.00 from 1 order");
        // The tallest day fills the plot; a day without sales has no height.
        assertThat(chart.select("rect.bar").get(0).attr("height")).isEqualTo("200.0");
        assertThat(chart.select("rect.bar").get(1).attr("height")).isEqualTo("0.0");
        assertThat(sales.select("details.chart-data tbody tr")).hasSize(3);

        var top = page.selectFirst(".panel.top-products");
        assertThat(top.select("tbody tr td:eq(1)").eachText()).containsExactly("Sky Kite", "<b>Kite</b> String");
        assertThat(top.select("tbody b"))
                .as("a product name is text, never markup")
                .isEmpty();

        var funnel = page.selectFirst(".panel.funnel svg.funnel-chart");
        assertThat(funnel.select("rect.bar")).hasSize(4);
        assertThat(funnel.selectFirst("desc").text())
                .isEqualTo("120 sessions viewed a product, 30 added to cart, 12 started checkout and 9 paid.");
        var shares = page.select(".panel.funnel details tbody tr td:eq(2)");
        assertThat(shares).hasSize(4);
        assertThat(shares.first().text())
                .as("the first step has no step before")
                .isEmpty();
        assertThat(shares.eachText()).containsExactly("25.0%", "40.0%", "75.0%");

        assertThat(page.select(".panel.low-stock tbody tr").first().text()).contains("STRING-50", "Kite String", "3");
        assertThat(page.select(".panel.recent-orders a[href=/admin/orders/" + ORDER + "]")
                        .text())
                .isEqualTo("#100042");
    }

    @Test
    void everyCallCarriesTheAdminsTokenAndThePeriodChosen() {
        Browser.get("/admin?days=7", admin.cookie());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/sales"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withQueryParam("from", equalTo(today.minusDays(6).toString()))
                .withQueryParam("to", equalTo(today.plusDays(1).toString()))
                .withQueryParam("granularity", equalTo("day")));
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/sales/by-product"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withQueryParam("limit", equalTo("5")));
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/funnel"))
                .withHeader("Authorization", equalTo(admin.bearer())));
        ProductsStub.server.verify(getRequestedFor(urlPathEqualTo("/api/admin/inventory"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withQueryParam("status", equalTo("LOW_STOCK")));
        OrdersStub.server.verify(getRequestedFor(urlPathEqualTo("/api/admin/orders"))
                .withHeader("Authorization", equalTo(admin.bearer())));
    }

    @Test
    void analyticsDownCostsOnlyItsOwnPanels() {
        AnalyticsStub.down();

        Response response = Browser.get("/admin", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select(".analytics-down").text()).startsWith("Analytics is unavailable right now");
        assertThat(page.select(".panel.sales .panel-problem").text()).isEqualTo("Sales cannot be shown right now.");
        assertThat(page.select(".panel.sales svg")).isEmpty();
        assertThat(page.select(".panel.low-stock tbody tr")).hasSize(1);
        assertThat(page.select(".panel.recent-orders tbody tr")).hasSize(1);
    }

    @Test
    void aPeriodOtherThanTheOffered7_30Or90DaysIsABadRequest() {
        Response response = Browser.get("/admin?days=365", admin.cookie());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).text()).contains("Choose the last 7, 30 or 90 days.");
    }

    @Test
    void thePageHasNoInlineStyleOrScript() {
        Document page = Jsoup.parse(Browser.get("/admin", admin.cookie()).asString());
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("style")).isEmpty();
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    private static void lowStock() {
        ProductsStub.server.stubFor(get(urlPathEqualTo("/api/admin/inventory"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"items":[{"sku":"STRING-50","variantId":"1e0f4c57-8a53-4c8e-9e0c-1d1b6f0c0a55",
                                  "productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a02","productName":"Kite String",
                                  "onHand":3,"reserved":0,"available":3,"lowStockThreshold":5,"lowStock":true,
                                  "outOfStock":false,"updatedAt":"2026-03-01T10:00:00Z"}],"nextCursor":null}
                                """)));
    }
}
