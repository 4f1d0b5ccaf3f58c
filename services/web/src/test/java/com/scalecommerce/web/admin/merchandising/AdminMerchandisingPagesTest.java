package com.scalecommerce.web.admin.merchandising;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Banners and featured products against a WireMock products answering its merchandising API's real shapes. */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class AdminMerchandisingPagesTest {

    private static final UUID BANNER = UUID.randomUUID();
    private static final UUID FEATURED = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

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
                get(urlPathEqualTo("/api/admin/merchandising/banners")),
                200,
                CatalogAdminStub.page(List.of(CatalogAdminStub.banner(BANNER, "Spring sale")), null));
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlEqualTo("/api/admin/merchandising/featured")),
                200,
                Map.of("productIds", List.of(FEATURED)));
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlEqualTo("/api/admin/products/" + FEATURED)),
                200,
                CatalogAdminStub.product(FEATURED, "Box kite", "ACTIVE", List.of()));
        CatalogAdminStub.answer(
                ProductsStub.server,
                put(urlEqualTo("/api/admin/merchandising/featured")),
                200,
                Map.of("productIds", List.of(FEATURED, OTHER)));
    }

    @Test
    void theOverviewListsBannersWithTheirWindowAndTheFeaturedProductsByName() {
        String admin = AdminSignIn.admin();
        Document page = AdminSignIn.open("/admin/merchandising", admin, 200).html();
        assertThat(page.select("tr[data-id=" + BANNER + "] td").first().text()).contains("Spring sale", "/c/kites");
        assertThat(page.select("tr[data-id=" + BANNER + "] time").attr("datetime"))
                .isEqualTo("2026-05-01T09:30:00Z");
        assertThat(page.select("ol.featured-list li a").text()).isEqualTo("Box kite");
    }

    @Test
    void aNewBannerIsSentWithItsScheduleInUtc() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/merchandising/banners")),
                201,
                CatalogAdminStub.banner(BANNER, "Spring sale"));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/merchandising/banners/new", admin, 200);

        Response created = AdminSignIn.post(form, "/admin/merchandising/banners", banner("2026-05-01T09:30"));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/admin/merchandising");
        ProductsStub.server.verify(postRequestedFor(urlEqualTo("/api/admin/merchandising/banners"))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken()))
                .withRequestBody(equalToJson("""
                        {"headline":"Spring sale","text":"All kites","imageUrl":"https://img.test/sale.png",
                         "imageKey":null,"link":"/c/kites","position":1,
                         "startsAt":"2026-05-01T09:30:00Z","endsAt":"2026-05-31T22:00:00Z"}
                        """)));
    }

    @Test
    void aBannerProductsRefusesComesBackWithItsFields() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/merchandising/banners")),
                400,
                CatalogAdminStub.invalid("link", "must be an http(s) URL or a path starting with /"));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/merchandising/banners/new", admin, 200);
        var fields = new HashMap<>(banner("2026-05-01T09:30"));
        fields.put("link", "javascript:alert(1)");

        Response refused = AdminSignIn.post(form, "/admin/merchandising/banners", fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".problem li").text())
                .isEqualTo("link: must be an http(s) URL or a path starting with /");
        assertThat(page.select("input[name=link]").val()).isEqualTo("javascript:alert(1)");
        assertThat(page.select("input[name=startsAt]").val()).isEqualTo("2026-05-01T09:30");
    }

    @Test
    void aTimeThatIsNotOneIsSaidWithoutCallingProducts() {
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/merchandising/banners/new", admin, 200);

        Response refused = AdminSignIn.post(form, "/admin/merchandising/banners", banner("next tuesday"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select(".problem li").text())
                .isEqualTo("starts at: must be a date and time such as 2026-05-01T09:30");
        ProductsStub.server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void deletingABannerAsksProducts() {
        ProductsStub.server.stubFor(delete(urlEqualTo("/api/admin/merchandising/banners/" + BANNER))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(204)));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/merchandising", admin, 200);

        Response deleted = AdminSignIn.post(page, "/admin/merchandising/banners/" + BANNER + "/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(303);
        ProductsStub.server.verify(deleteRequestedFor(urlEqualTo("/api/admin/merchandising/banners/" + BANNER)));
    }

    @Test
    void featuringAProductBySkuAppendsItToTheList() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlPathEqualTo("/api/admin/products")),
                200,
                CatalogAdminStub.page(List.of(CatalogAdminStub.summary(OTHER, "Delta kite", "ACTIVE")), null));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/merchandising", admin, 200);

        Response featured = AdminSignIn.post(page, "/admin/merchandising/featured", Map.of("product", "DK-1"));

        assertThat(featured.statusCode()).isEqualTo(303);
        ProductsStub.server.verify(putRequestedFor(urlEqualTo("/api/admin/merchandising/featured"))
                .withRequestBody(equalToJson("{\"productIds\":[\"" + FEATURED + "\",\"" + OTHER + "\"]}")));
    }

    @Test
    void anAmbiguousProductIsSaidAndNothingChanges() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlPathEqualTo("/api/admin/products")),
                200,
                CatalogAdminStub.page(
                        List.of(
                                CatalogAdminStub.summary(OTHER, "Delta kite", "ACTIVE"),
                                CatalogAdminStub.summary(UUID.randomUUID(), "Delta kite XL", "ACTIVE")),
                        null));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/merchandising", admin, 200);

        Response refused = AdminSignIn.post(page, "/admin/merchandising/featured", Map.of("product", "delta"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document html = Jsoup.parse(refused.asString());
        assertThat(html.select(".problem p").text()).startsWith("2 products match \u201cdelta\u201d");
        assertThat(html.select("input[name=product]").val()).isEqualTo("delta");
        ProductsStub.server.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void theProductPagesFeatureButtonSendsItsIdAndMovingUpReorders() {
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/merchandising", admin, 200);

        AdminSignIn.post(page, "/admin/merchandising/featured", Map.of("productId", OTHER.toString()));
        ProductsStub.server.verify(putRequestedFor(urlEqualTo("/api/admin/merchandising/featured"))
                .withRequestBody(equalToJson("{\"productIds\":[\"" + FEATURED + "\",\"" + OTHER + "\"]}")));

        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlEqualTo("/api/admin/merchandising/featured")),
                200,
                Map.of("productIds", List.of(FEATURED, OTHER)));
        AdminSignIn.post(page, "/admin/merchandising/featured/" + OTHER + "/up", Map.of());
        ProductsStub.server.verify(putRequestedFor(urlEqualTo("/api/admin/merchandising/featured"))
                .withRequestBody(equalToJson("{\"productIds\":[\"" + OTHER + "\",\"" + FEATURED + "\"]}")));
    }

    @Test
    void withoutTheFormsTokenNothingChanges() {
        String admin = AdminSignIn.admin();
        assertThat(Browser.post("/admin/merchandising/banners", admin, banner("2026-05-01T09:30"))
                        .statusCode())
                .isEqualTo(403);
        ProductsStub.server.verify(0, postRequestedFor(anyUrl()));
    }

    private static Map<String, String> banner(String startsAt) {
        var fields = new HashMap<String, String>();
        fields.put("headline", "Spring sale");
        fields.put("text", "All kites");
        fields.put("imageUrl", "https://img.test/sale.png");
        fields.put("link", "/c/kites");
        fields.put("position", "1");
        fields.put("startsAt", startsAt);
        fields.put("endsAt", "2026-05-31T22:00");
        return fields;
    }
}
