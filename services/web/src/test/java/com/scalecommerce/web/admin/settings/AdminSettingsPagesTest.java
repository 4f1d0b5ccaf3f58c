package com.scalecommerce.web.admin.settings;

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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shipping, tax and discount settings against a WireMock orders answering its admin APIs' real shapes. */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class AdminSettingsPagesTest {

    private static final UUID ZONE = UUID.randomUUID();
    private static final UUID METHOD = UUID.randomUUID();
    private static final UUID DISCOUNT = UUID.randomUUID();

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        UsersStub.server.resetAll();
        ProductsStub.server.resetAll();
        OrdersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
        var method = new HashMap<String, Object>();
        method.put("id", METHOD);
        method.put("zoneId", ZONE);
        method.put("name", "Standard");
        method.put("kind", "FREE_OVER");
        method.put("currency", "USD");
        method.put("rateMinor", 495);
        method.put("freeOverMinor", 5000);
        method.put("weightBands", List.of());
        method.put("minDays", 2);
        method.put("maxDays", 5);
        method.put("active", true);
        method.put("createdAt", "2026-01-01T10:00:00Z");
        method.put("updatedAt", "2026-01-01T10:00:00Z");
        CatalogAdminStub.answer(
                OrdersStub.server,
                get(urlPathEqualTo("/api/admin/shipping/zones")),
                200,
                CatalogAdminStub.page(List.of(CatalogAdminStub.zone(ZONE, "North America", List.of(method))), null));
        CatalogAdminStub.answer(
                OrdersStub.server,
                get(urlEqualTo("/api/admin/shipping/zones/" + ZONE)),
                200,
                CatalogAdminStub.zone(ZONE, "North America", List.of(method)));
        var rate = new HashMap<String, Object>();
        rate.put("id", UUID.randomUUID());
        rate.put("country", "US");
        rate.put("region", "CA");
        rate.put("name", "Sales tax");
        rate.put("ratePercent", 7.25);
        rate.put("shippingTaxable", false);
        rate.put("createdAt", "2026-01-01T10:00:00Z");
        rate.put("updatedAt", "2026-01-01T10:00:00Z");
        CatalogAdminStub.answer(
                OrdersStub.server,
                get(urlPathEqualTo("/api/admin/tax-rates")),
                200,
                CatalogAdminStub.page(List.of(rate), null));
        CatalogAdminStub.answer(
                OrdersStub.server,
                get(urlPathEqualTo("/api/admin/discounts")),
                200,
                CatalogAdminStub.page(List.of(CatalogAdminStub.discount(DISCOUNT, "SPRING10", true, 3)), null));
        CatalogAdminStub.answer(
                OrdersStub.server,
                get(urlEqualTo("/api/admin/discounts/" + DISCOUNT)),
                200,
                CatalogAdminStub.discount(DISCOUNT, "SPRING10", true, 3));
    }

    @Test
    void theOverviewShowsZonesRatesAndCodesWithTheAdminsToken() {
        String admin = AdminSignIn.admin();
        Document page = AdminSignIn.open("/admin/settings", admin, 200).html();
        OrdersStub.server.verify(getRequestedFor(urlEqualTo("/api/admin/shipping/zones?limit=200"))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken())));
        assertThat(page.select("table.zones td").eachText())
                .containsExactly("North America", "US, CA (QC)", "Standard");
        assertThat(page.select("table.tax-rates td").eachText()).contains("Sales tax", "US (CA)", "7.25 %", "no");
        assertThat(page.select("table.discounts td").eachText()).contains("SPRING10", "10 % off", "3 of 100", "Active");
        // A used code can be deactivated, not deleted.
        assertThat(page.select("form[action$=/deactivate]")).hasSize(1);
        assertThat(page.select("form[action=/admin/settings/discounts/" + DISCOUNT + "/delete]"))
                .isEmpty();
    }

    @Test
    void deactivatingACodeSendsItBackUnchangedButInactive() {
        CatalogAdminStub.answer(
                OrdersStub.server,
                put(urlEqualTo("/api/admin/discounts/" + DISCOUNT)),
                200,
                CatalogAdminStub.discount(DISCOUNT, "SPRING10", false, 3));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/settings", admin, 200);

        Response done = AdminSignIn.post(page, "/admin/settings/discounts/" + DISCOUNT + "/deactivate", Map.of());

        assertThat(done.statusCode()).isEqualTo(303);
        OrdersStub.server.verify(
                putRequestedFor(urlEqualTo("/api/admin/discounts/" + DISCOUNT)).withRequestBody(equalToJson("""
                        {"code":"SPRING10","kind":"PERCENTAGE","percentOff":10.0,"amountOffMinor":null,
                         "currency":null,"minSubtotalMinor":null,"startsAt":null,"endsAt":"2026-12-31T23:59:00Z",
                         "usageLimit":100,"perCustomerLimit":1,"active":false}
                        """)));
    }

    @Test
    void aNewFixedCodeSendsTheAmountInMinorUnitsAndOnlyItsKindsFields() {
        CatalogAdminStub.answer(
                OrdersStub.server,
                post(urlEqualTo("/api/admin/discounts")),
                201,
                CatalogAdminStub.discount(UUID.randomUUID(), "TAKE5", true, 0));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/settings/discounts/new", admin, 200);

        Response created = AdminSignIn.post(form, "/admin/settings/discounts", fixedCode());

        assertThat(created.statusCode()).isEqualTo(303);
        OrdersStub.server.verify(
                postRequestedFor(urlEqualTo("/api/admin/discounts")).withRequestBody(equalToJson("""
                        {"code":"TAKE5","kind":"FIXED","percentOff":null,"amountOffMinor":500,"currency":"EUR",
                         "minSubtotalMinor":2500,"startsAt":"2026-06-01T00:00:00Z","endsAt":null,
                         "usageLimit":null,"perCustomerLimit":1,"active":true}
                        """)));
    }

    @Test
    void ordersRefusalOfACodeIsShownWithWhatWasTyped() {
        CatalogAdminStub.answer(
                OrdersStub.server,
                post(urlEqualTo("/api/admin/discounts")),
                409,
                UsersStub.problem(409, "DISCOUNT_CODE_TAKEN", "A discount with this code exists."));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/settings/discounts/new", admin, 200);

        Response refused = AdminSignIn.post(form, "/admin/settings/discounts", fixedCode());

        assertThat(refused.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".problem p").text()).isEqualTo("A discount with this code exists.");
        assertThat(page.select("input[name=code]").val()).isEqualTo("TAKE5");
        assertThat(page.select("input[name=amountOff]").val()).isEqualTo("5.00");
        assertThat(page.select("select[name=kind] option[selected]").val()).isEqualTo("FIXED");
    }

    @Test
    void aZonesAreasAreReadFromLines() {
        CatalogAdminStub.answer(
                OrdersStub.server,
                post(urlEqualTo("/api/admin/shipping/zones")),
                201,
                CatalogAdminStub.zone(ZONE, "North America", List.of()));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/settings/zones/new", admin, 200);

        Response created = AdminSignIn.post(
                form, "/admin/settings/zones", Map.of("name", "North America", "areas", "us\r\nCA: QC\r\n\r\n"));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/admin/settings/zones/" + ZONE);
        OrdersStub.server.verify(
                postRequestedFor(urlEqualTo("/api/admin/shipping/zones")).withRequestBody(equalToJson("""
                        {"name":"North America","areas":[{"country":"US","region":""},{"country":"CA","region":"QC"}]}
                        """)));
    }

    @Test
    void aWeightMethodSendsItsBandsAndARefusalKeepsTheForm() {
        CatalogAdminStub.answer(
                OrdersStub.server,
                post(urlEqualTo("/api/admin/shipping/zones/" + ZONE + "/methods")),
                400,
                CatalogAdminStub.invalid("weightBands[1]", "needs upToGrams (ascending) and a non-negative rateMinor"));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/settings/zones/" + ZONE, admin, 200);
        assertThat(page.html()
                        .select("article.method[data-id=" + METHOD + "] input[name=freeOver]")
                        .val())
                .isEqualTo("50.00");
        var fields = new HashMap<String, String>();
        fields.put("name", "By weight");
        fields.put("kind", "WEIGHT");
        fields.put("currency", "USD");
        fields.put("rate", "9.99");
        fields.put("weightBands", "1000: 4.95\n500: 9.95");
        fields.put("minDays", "2");
        fields.put("maxDays", "4");
        fields.put("active", "true");

        Response refused = AdminSignIn.post(page, "/admin/settings/zones/" + ZONE + "/methods", fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        OrdersStub.server.verify(postRequestedFor(urlEqualTo("/api/admin/shipping/zones/" + ZONE + "/methods"))
                .withRequestBody(equalToJson("""
                        {"name":"By weight","kind":"WEIGHT","currency":"USD","rateMinor":null,"freeOverMinor":null,
                         "weightBands":[{"upToGrams":1000,"rateMinor":495},{"upToGrams":500,"rateMinor":995}],
                         "minDays":2,"maxDays":4,"active":true}
                        """)));
        Document html = Jsoup.parse(refused.asString());
        assertThat(html.select(".problem li").text())
                .isEqualTo("weight band 2: needs upToGrams (ascending) and a non-negative rateMinor");
        assertThat(html.select("details.add-method textarea[name=weightBands]").text())
                .contains("500: 9.95");
        assertThat(html.select("details.add-method").hasAttr("open")).isTrue();
    }

    @Test
    void aTaxRateThatIsNotANumberIsSaidWithoutCallingOrders() {
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/settings/tax-rates/new", admin, 200);

        Response refused = AdminSignIn.post(
                form,
                "/admin/settings/tax-rates",
                Map.of("country", "de", "name", "VAT", "ratePercent", "nineteen", "shippingTaxable", "true"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select(".problem li").text())
                .isEqualTo("rate percent: must be a number such as 7.5");
        OrdersStub.server.verify(0, postRequestedFor(urlPathEqualTo("/api/admin/tax-rates")));
    }

    @Test
    void ordersDownIsA503PageAndPostsWithoutATokenChangeNothing() {
        OrdersStub.server.stubFor(get(urlPathEqualTo("/api/admin/shipping/zones"))
                .atPriority(1)
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String admin = AdminSignIn.admin();
        Response down = Browser.get("/admin/settings", admin);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isNotBlank();

        assertThat(Browser.post("/admin/settings/discounts", admin, fixedCode()).statusCode())
                .isEqualTo(403);
        OrdersStub.server.verify(0, postRequestedFor(anyUrl()));
    }

    private static Map<String, String> fixedCode() {
        var fields = new HashMap<String, String>();
        fields.put("code", "TAKE5");
        fields.put("kind", "FIXED");
        fields.put("percentOff", "10");
        fields.put("amountOff", "5.00");
        fields.put("currency", "eur");
        fields.put("minSubtotal", "25");
        fields.put("startsAt", "2026-06-01T00:00");
        fields.put("endsAt", "");
        fields.put("usageLimit", "");
        fields.put("perCustomerLimit", "1");
        fields.put("active", "true");
        return fields;
    }
}
