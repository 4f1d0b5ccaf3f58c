package com.scalecommerce.web.admin.reports;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports page and its CSV downloads against a WireMock analytics answering its real report shapes: every
 * report as a table, the period form passed on (to inclusive here, exclusive at analytics), bad input said on the
 * page, analytics down as a notice, and the CSV streamed through with the admin's token.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
@QuarkusTestResource(AnalyticsStub.class)
class ReportsPageTest {

    static final String PERIOD = "from=2026-03-01&to=2026-03-03";
    /** The category of AnalyticsStub's sales-by-category row. */
    static final String SOLD_CATEGORY = "5b0c7c1e-36a4-4d2b-8d5e-0b7f3f7e0c11";

    static final String CATEGORIES_STUB = "reportsPageCategories";

    @Inject
    Sessions sessions;

    @Inject
    CircuitBreakerMaintenance breakers;

    AdminSession admin;

    @BeforeEach
    void analytics() {
        breakers.resetAll();
        AnalyticsStub.server.resetAll();
        AnalyticsStub.answersEveryReport();
        admin = AdminSession.admin(sessions);
    }

    /** Products' admin category tree with the category analytics reports on, nested under a parent. */
    private static void productsKnowTheCategories() {
        var child = new LinkedHashMap<String, Object>(
                CatalogAdminStub.categoryTree().get(0));
        child.put("id", SOLD_CATEGORY);
        child.put("name", "Stunt kites");
        child.put("parentId", CatalogAdminStub.KITES);
        var parent = new LinkedHashMap<String, Object>(
                CatalogAdminStub.categoryTree().get(0));
        parent.put("children", List.of(child));
        CatalogAdminStub.answer(ProductsStub.server, categories(), 200, List.of(parent));
    }

    /** Products' admin categories, marked so each test starts (and leaves the shared stub) without this class's. */
    private static MappingBuilder categories() {
        return get(urlEqualTo("/api/admin/categories")).withMetadata(Map.of(CATEGORIES_STUB, true));
    }

    @AfterEach
    void forgetCategories() {
        ProductsStub.server.removeStubsByMetadata(matchingJsonPath("$." + CATEGORIES_STUB));
    }

    @Test
    void everyReportIsATableWithItsCsvDownload() {
        productsKnowTheCategories();
        Response response = Browser.get("/admin/reports?" + PERIOD + "&granularity=week", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("section.report").eachAttr("id"))
                .containsExactly(
                        "sales",
                        "sales-by-product",
                        "sales-by-category",
                        "products",
                        "funnel",
                        "customers",
                        "customer-cohorts",
                        "top-customers",
                        "search",
                        "inventory");
        assertThat(page.select("section#sales-by-product a.csv").attr("href"))
                .isEqualTo("/admin/reports/sales-by-product.csv?from=2026-03-01&to=2026-03-03&granularity=week");
        assertThat(page.select("section#sales caption").text()).contains("$85.01", "+112.5%");
        assertThat(page.select("section#sales tbody tr")).hasSize(3);
        assertThat(page.select("section#sales-by-category tbody tr td:eq(0)").eachText())
                .containsExactly("Stunt kites", "No category");
        assertThat(page.select("section#products caption").eachText())
                .containsExactly(
                        "Best sellers by units (all currencies)",
                        "Most viewed",
                        "View to purchase",
                        "Most abandoned in carts");
        assertThat(page.select("section#funnel tr.total").text()).contains("120", "30", "12", "9", "7.5%", "70.0%");
        assertThat(page.select("section#customers").text()).contains("repeat purchase rate 33.3%");
        assertThat(page.select("section#customer-cohorts tbody").text()).contains("2026-01", "1: 25.0%");
        assertThat(page.select("section#top-customers a[href=/admin/users/0b8e8e8e-1111-4a4a-9b9b-222233334444]"))
                .hasSize(1);
        assertThat(page.select("section#search").text()).contains("50 searches", "drone");
        assertThat(page.select("section#inventory tbody tr td:eq(0)").eachText())
                .containsExactly("SKY-L");
        assertThat(page.select(".analytics-down")).isEmpty();
    }

    @Test
    void withProductsDownTheCategoriesAreShownByIdAndTheReportsStillShow() {
        CatalogAdminStub.answer(ProductsStub.server, categories(), 503, null);

        Response response = Browser.get("/admin/reports?" + PERIOD, admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("section#sales-by-category tbody tr td:eq(0)").eachText())
                .containsExactly("Category " + SOLD_CATEGORY + " (not in the catalog now)", "No category");
        assertThat(page.select("section#sales tbody tr")).isNotEmpty();
    }

    @Test
    void aReportThatFailsOnceIsAskedAgainAndShown() {
        CatalogAdminStub.failsOnce(AnalyticsStub.server, get(urlPathEqualTo(AnalyticsStub.BASE + "/sales")));

        Response response = Browser.get("/admin/reports?" + PERIOD + "&granularity=week", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("section#sales tbody tr")).hasSize(3);
        assertThat(page.select(".analytics-down")).isEmpty();
        AnalyticsStub.server.verify(2, getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/sales")));
    }

    @Test
    void thePeriodIsPassedOnWithTheDayAfterAsAnalyticsExclusiveEnd() {
        Browser.get("/admin/reports?" + PERIOD + "&granularity=week", admin.cookie());

        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/sales"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withQueryParam("from", equalTo("2026-03-01"))
                .withQueryParam("to", equalTo("2026-03-04"))
                .withQueryParam("granularity", equalTo("week")));
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/inventory"))
                .withQueryParam("to", equalTo("2026-03-04")));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsSaidOnThePageWithoutAskingAnalytics() {
        Response response = Browser.get("/admin/reports?from=2026-03-05&to=2026-03-01", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select(".problem").text()).isEqualTo("The start date must not be after the end date.");
        assertThat(page.select("form.range input[name=from]")).hasSize(1);
        AnalyticsStub.server.verify(0, getRequestedFor(urlPathMatching(AnalyticsStub.BASE + "/.*")));
    }

    @Test
    void aReportAnalyticsRefusesShowsItsReasonAndTheOthersStillShow() {
        AnalyticsStub.problem("/search", 400, "VALIDATION_FAILED", "limit must be a whole number from 1 to 100");

        Document page = Jsoup.parse(
                Browser.get("/admin/reports?" + PERIOD, admin.cookie()).asString());

        assertThat(page.select("section#search .panel-problem").text())
                .isEqualTo("limit must be a whole number from 1 to 100");
        assertThat(page.select("section#sales tbody tr")).hasSize(3);
    }

    @Test
    void analyticsDownIsANoticeNotAFailedPage() {
        AnalyticsStub.down();

        Response response = Browser.get("/admin/reports", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select(".analytics-down").text()).startsWith("Analytics is unavailable right now");
        assertThat(page.select("section.report .panel-problem")).hasSize(10);
    }

    @Test
    void theCsvDownloadStreamsAnalyticsOwnCsvWithTheAdminsToken() {
        String csv = "currency,rank,product_id,name,units,orders,gross_minor\r\n"
                + "USD,1,8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a01,\"Sky Kite, large\",3,2,5997\r\n";
        AnalyticsStub.csv("/sales/by-product", csv);

        Response download = Browser.get("/admin/reports/sales-by-product.csv?" + PERIOD, admin.cookie());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"sales-by-product_2026-03-01_2026-03-03.csv\"");
        assertThat(download.header("Cache-Control")).isEqualTo("no-store");
        assertThat(download.asString()).isEqualTo(csv);
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/sales/by-product"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withQueryParam("format", equalTo("csv"))
                .withQueryParam("from", equalTo("2026-03-01"))
                .withQueryParam("to", equalTo("2026-03-04"))
                .withQueryParam("limit", equalTo("100")));
    }

    @Test
    void aSeriesDownloadCarriesTheGroupingAndLifetimeValueNoPeriod() {
        AnalyticsStub.csv("/funnel", "bucket,viewed\r\n");
        AnalyticsStub.csv("/customers/top", "currency,rank\r\n");

        assertThat(Browser.get("/admin/reports/funnel.csv?" + PERIOD + "&granularity=week", admin.cookie())
                        .statusCode())
                .isEqualTo(200);
        Response top = Browser.get("/admin/reports/top-customers.csv?" + PERIOD, admin.cookie());

        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/funnel"))
                .withQueryParam("granularity", equalTo("week")));
        AnalyticsStub.server.verify(getRequestedFor(urlPathEqualTo(AnalyticsStub.BASE + "/customers/top"))
                .withQueryParam("from", com.github.tomakehurst.wiremock.client.WireMock.absent()));
        assertThat(top.header("Content-Disposition")).isEqualTo("attachment; filename=\"top-customers.csv\"");
    }

    @Test
    void anUnknownReportIsNotFound() {
        assertThat(Browser.get("/admin/reports/passwords.csv", admin.cookie()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDownloadWhileAnalyticsIsDownIsA503WithRetryAfter() {
        AnalyticsStub.down();

        Response download = Browser.get("/admin/reports/sales.csv?" + PERIOD, admin.cookie());

        assertThat(download.statusCode()).isEqualTo(503);
        assertThat(download.header("Retry-After")).isNotBlank();
        assertThat(Jsoup.parse(download.asString()).text()).contains("the report cannot be downloaded");
    }

    @Test
    void aGuestMustSignInBeforeADownloadAndACustomerIsRefused() {
        Response guest = Browser.get("/admin/reports/sales.csv", null);
        assertThat(guest.statusCode()).isEqualTo(303);
        assertThat(guest.header("Location")).contains("/login?next=");
        assertThat(Browser.get("/admin/reports", AdminSession.customer(sessions).cookie())
                        .statusCode())
                .isEqualTo(403);
        AnalyticsStub.server.verify(0, getRequestedFor(urlPathMatching(AnalyticsStub.BASE + "/.*")));
    }
}
