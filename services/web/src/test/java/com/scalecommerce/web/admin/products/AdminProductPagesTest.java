package com.scalecommerce.web.admin.products;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's admin pages against a WireMock products answering its admin API's real shapes: the gate (guest,
 * customer), the list's filters and paging, creating a product (the JSON products receives), refusals shown with
 * the admin's input kept, our own parsing refusals, CSRF, publishing, image upload and products being down.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class AdminProductPagesTest {

    private static final UUID PRODUCT = UUID.fromString("0b7c1f0e-1111-4a4a-8888-000000000001");
    private static final UUID VARIANT = UUID.fromString("0b7c1f0e-2222-4a4a-8888-000000000002");

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
                ProductsStub.server, get(urlEqualTo("/api/admin/categories")), 200, CatalogAdminStub.categoryTree());
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlEqualTo("/api/admin/brands")),
                200,
                List.of(Map.of("id", UUID.randomUUID(), "slug", "acme", "name", "Acme")));
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlEqualTo("/api/admin/products/" + PRODUCT)),
                200,
                CatalogAdminStub.product(
                        PRODUCT, "Delta kite", "DRAFT", List.of(CatalogAdminStub.variant(VARIANT, "DK-1", 1999, 4))));
    }

    @Test
    void aGuestIsSentToSignInAndBackHere() {
        Response page = Browser.get("/admin/products?status=ACTIVE", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/login?next=%2Fadmin%2Fproducts%3Fstatus%3DACTIVE");
        ProductsStub.server.verify(0, getRequestedFor(urlPathMatching("/api/admin/.*")));
    }

    @Test
    void aCustomerWithoutTheAdminRoleGetsA403PageAndNothingIsCalled() {
        String customer = AdminSignIn.customer();
        for (String path : List.of("/admin/products", "/admin/products/new", "/admin/products/" + PRODUCT)) {
            Response page = Browser.get(path, customer);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.contentType()).startsWith("text/html");
        }
        ProductsStub.server.verify(0, getRequestedFor(urlPathMatching("/api/admin/.*")));
    }

    @Test
    void theListFiltersByQueryAndStatusWithTheAdminsTokenAndLinksTheNextPage() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlPathEqualTo("/api/admin/products")),
                200,
                CatalogAdminStub.page(
                        List.of(CatalogAdminStub.summary(PRODUCT, "Delta kite", "ACTIVE")), "Y3Vyc29yLTI"));
        String admin = AdminSignIn.admin();

        Document page = AdminSignIn.open("/admin/products?q=kite&status=active", admin, 200)
                .html();

        ProductsStub.server.verify(getRequestedFor(urlEqualTo("/api/admin/products?q=kite&status=ACTIVE&limit=25"))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken())));
        assertThat(page.select("table.products tbody tr")).hasSize(1);
        assertThat(page.select("table.products a[href=/admin/products/" + PRODUCT + "]")
                        .text())
                .isEqualTo("Delta kite");
        assertThat(page.select("table.products td").get(3).text()).isEqualTo("from $19.99");
        assertThat(page.select("a[rel=next]").attr("href"))
                .isEqualTo("/admin/products?q=kite&status=ACTIVE&cursor=Y3Vyc29yLTI");
        assertThat(page.select("select[name=status] option[selected]").val()).isEqualTo("ACTIVE");
    }

    @Test
    void creatingAProductSendsProductsItsFieldsAndFirstVariantAndOpensItsPage() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/products")),
                201,
                CatalogAdminStub.product(PRODUCT, "Delta kite", "DRAFT", List.of()));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/products/new", admin, 200);
        assertThat(form.html().select("input[type=checkbox][name=categoryId]").val())
                .isEqualTo(CatalogAdminStub.KITES);

        Response created = AdminSignIn.post(form, "/admin/products", newProduct("19.99"));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/admin/products/" + PRODUCT);
        ProductsStub.server.verify(postRequestedFor(urlEqualTo("/api/admin/products"))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken()))
                .withRequestBody(equalToJson("""
                        {"name":"Delta kite","slug":null,"description":"Flies in light wind.","brand":"Acme",
                         "status":"DRAFT","attributes":{"material":"ripstop","panels":4,"colors":["red","blue"]},
                         "seoTitle":null,"seoDescription":null,"currency":"USD",
                         "categoryIds":["%s"],
                         "variants":[{"sku":"DK-1","options":{"Size":"M","Color":"Red"},"priceMinor":1999,
                           "compareAtPriceMinor":2499,"weightGrams":300,"active":true,"position":null}]}
                        """.formatted(CatalogAdminStub.KITES))));
        var edit = AdminSignIn.open("/admin/products/" + PRODUCT, Browser.cookieAfter(created, form.cookie()), 200);
        assertThat(edit.html().select(".notice").text()).isEqualTo("Product \u201cDelta kite\u201d created.");
    }

    @Test
    void aCreateThatFailsIsNotSentAgainSoThereIsNoSecondProduct() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/products")),
                201,
                CatalogAdminStub.product(PRODUCT, "Delta kite", "DRAFT", List.of()));
        CatalogAdminStub.failsOnce(ProductsStub.server, post(urlEqualTo("/api/admin/products")));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/products/new", admin, 200);

        Response failed = AdminSignIn.post(form, "/admin/products", newProduct("19.99"));

        assertThat(failed.statusCode()).isEqualTo(503);
        ProductsStub.server.verify(1, postRequestedFor(urlEqualTo("/api/admin/products")));
    }

    @Test
    void productsRefusalIsShownOnTheFormWithEverythingTheAdminTyped() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/products")),
                400,
                CatalogAdminStub.invalid(
                        "variants[0].sku", "must be 1-64 letters, digits, dots, dashes or underscores"));
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/products/new", admin, 200);

        Response refused = AdminSignIn.post(form, "/admin/products", newProduct("19.99"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".problem p").text()).isEqualTo("One or more fields are invalid.");
        assertThat(page.select(".problem li").text())
                .isEqualTo("variant 1 sku: must be 1-64 letters, digits, dots, dashes or underscores");
        assertThat(page.select("input[name=name]").val()).isEqualTo("Delta kite");
        assertThat(page.select("textarea[name=description]").text()).isEqualTo("Flies in light wind.");
        assertThat(page.select("input[name=variant.sku]").val()).isEqualTo("DK-1");
        assertThat(page.select("input[name=variant.price]").val()).isEqualTo("19.99");
        assertThat(page.select("textarea[name=attributes]").text()).contains("panels: 4");
        assertThat(page.select("input[name=categoryId]").hasAttr("checked")).isTrue();
    }

    @Test
    void aPriceThatIsNotAnAmountIsSaidWithoutCallingProducts() {
        String admin = AdminSignIn.admin();
        var form = AdminSignIn.open("/admin/products/new", admin, 200);

        Response refused = AdminSignIn.post(form, "/admin/products", newProduct("nineteen"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".problem li").text()).isEqualTo("variant 1 price: must be an amount such as 19.99");
        assertThat(page.select("input[name=variant.price]").val()).isEqualTo("nineteen");
        ProductsStub.server.verify(0, postRequestedFor(urlEqualTo("/api/admin/products")));
    }

    @Test
    void aFormPostWithoutOrWithAWrongCsrfTokenIsRefusedBeforeAnythingIsCalled() {
        String admin = AdminSignIn.admin();
        var fields = new HashMap<>(newProduct("19.99"));
        assertThat(Browser.post("/admin/products", admin, fields).statusCode()).isEqualTo(403);
        fields.put("_csrf", "not-the-token");
        assertThat(Browser.post("/admin/products", admin, fields).statusCode()).isEqualTo(403);
        assertThat(Browser.post("/admin/products/" + PRODUCT + "/publish", admin, Map.of("_csrf", "x"))
                        .statusCode())
                .isEqualTo(403);
        ProductsStub.server.verify(0, postRequestedFor(anyUrl()));
        ProductsStub.server.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void publishingSendsTheProductUnchangedButForItsStatus() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                put(urlEqualTo("/api/admin/products/" + PRODUCT)),
                200,
                CatalogAdminStub.product(PRODUCT, "Delta kite", "ACTIVE", List.of()));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/products/" + PRODUCT, admin, 200);
        assertThat(page.html().select("form[action$=/publish] button").text()).isEqualTo("Publish");

        Response published = AdminSignIn.post(page, "/admin/products/" + PRODUCT + "/publish", Map.of());

        assertThat(published.statusCode()).isEqualTo(303);
        ProductsStub.server.verify(putRequestedFor(urlEqualTo("/api/admin/products/" + PRODUCT))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken()))
                .withRequestBody(equalToJson("""
                        {"name":"Delta kite","slug":"delta-kite","description":"A fine thing.","brand":"Acme",
                         "status":"ACTIVE","attributes":{"material":"cotton"},"seoTitle":null,"seoDescription":null,
                         "currency":"USD","categoryIds":["%s"]}
                        """.formatted(CatalogAdminStub.KITES))));
    }

    @Test
    void theEditPageShowsVariantsWithStockAndAVariantRefusalKeepsWhatWasTyped() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                put(urlEqualTo("/api/admin/products/" + PRODUCT + "/variants/" + VARIANT)),
                400,
                CatalogAdminStub.invalid("sku", "cannot change; add a new variant instead"));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/products/" + PRODUCT, admin, 200);
        Document html = page.html();
        assertThat(html.select("article.variant[data-sku=DK-1] .stock").text()).contains("$19.99", "on hand 4");
        assertThat(html.select("article.variant a[href=/admin/inventory/DK-1]")).hasSize(1);

        Response refused = AdminSignIn.post(
                page,
                "/admin/products/" + PRODUCT + "/variants/" + VARIANT,
                Map.of("sku", "DK-1", "price", "21.50", "options", "Size: L", "active", "true"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(refused.asString());
        assertThat(again.select(".problem li").text()).isEqualTo("sku: cannot change; add a new variant instead");
        assertThat(again.select("article.variant[data-sku=DK-1] input[name=price]")
                        .val())
                .isEqualTo("21.50");
        ProductsStub.server.verify(
                putRequestedFor(urlEqualTo("/api/admin/products/" + PRODUCT + "/variants/" + VARIANT))
                        .withRequestBody(matchingJsonPath("$.priceMinor", equalTo("2150"))));
    }

    @Test
    void anUploadedImageGoesOnToProductsAsTheMultipartFormItDocuments() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                post(urlEqualTo("/api/admin/products/" + PRODUCT + "/images")),
                201,
                CatalogAdminStub.product(PRODUCT, "Delta kite", "DRAFT", List.of()));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/products/" + PRODUCT, admin, 200);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

        Response uploaded = given().accept("text/html")
                .redirects()
                .follow(false)
                .cookie(Browser.COOKIE, page.cookie())
                .multiPart("_csrf", page.csrf())
                .multiPart("file", "kite.png", png, "image/png")
                .multiPart("alt", "The kite in flight")
                .multiPart("variantId", VARIANT.toString())
                .post("/admin/products/" + PRODUCT + "/images");

        assertThat(uploaded.statusCode()).isEqualTo(303);
        ProductsStub.server.verify(postRequestedFor(urlEqualTo("/api/admin/products/" + PRODUCT + "/images"))
                .withHeader("Authorization", equalTo("Bearer " + AdminSignIn.adminToken()))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart("file")
                        .withBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(png))
                        .build())
                .withRequestBodyPart(aMultipart("alt")
                        .withBody(equalTo("The kite in flight"))
                        .build())
                .withRequestBodyPart(aMultipart("variantId")
                        .withBody(equalTo(VARIANT.toString()))
                        .build()));
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefused() {
        String admin = AdminSignIn.admin();
        Response refused = given().accept("text/html")
                .redirects()
                .follow(false)
                .cookie(Browser.COOKIE, admin)
                .multiPart("file", "kite.png", new byte[] {1, 2, 3}, "image/png")
                .post("/admin/products/" + PRODUCT + "/images");
        assertThat(refused.statusCode()).isEqualTo(403);
        ProductsStub.server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aLongDescriptionFitsInTheForm() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                put(urlEqualTo("/api/admin/products/" + PRODUCT)),
                200,
                CatalogAdminStub.product(PRODUCT, "Delta kite", "DRAFT", List.of()));
        String admin = AdminSignIn.admin();
        var page = AdminSignIn.open("/admin/products/" + PRODUCT, admin, 200);
        String description = "Flies in light wind. ".repeat(900);

        Response saved = AdminSignIn.post(
                page,
                "/admin/products/" + PRODUCT,
                Map.of("name", "Delta kite", "description", description, "status", "DRAFT", "currency", "USD"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(description.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(16_000);
        ProductsStub.server.verify(putRequestedFor(urlEqualTo("/api/admin/products/" + PRODUCT))
                .withRequestBody(matchingJsonPath("$.description", equalTo(description))));
    }

    @Test
    void productsDownIsAFriendly503PageNotAnError() {
        ProductsStub.server.stubFor(get(urlPathEqualTo("/api/admin/products"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(503)));
        String admin = AdminSignIn.admin();

        Response page = Browser.get("/admin/products", admin);

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("5");
        assertThat(Jsoup.parse(page.asString()).select("main").text()).contains("The catalog cannot be reached");
    }

    @Test
    void anUnknownProductIsA404Page() {
        CatalogAdminStub.answer(
                ProductsStub.server,
                get(urlPathMatching("/api/admin/products/[0-9a-f-]{36}")).atPriority(10),
                404,
                UsersStub.problem(404, "PRODUCT_NOT_FOUND", "No such product."));
        String admin = AdminSignIn.admin();
        assertThat(Browser.get("/admin/products/" + UUID.randomUUID(), admin).statusCode())
                .isEqualTo(404);
        assertThat(Browser.get("/admin/products/not-an-id", admin).statusCode()).isEqualTo(404);
    }

    private static Map<String, String> newProduct(String price) {
        var fields = new HashMap<String, String>();
        fields.put("name", "Delta kite");
        fields.put("slug", "");
        fields.put("description", "Flies in light wind.");
        fields.put("brand", "Acme");
        fields.put("status", "DRAFT");
        fields.put("currency", "usd");
        fields.put("attributes", "material: ripstop\npanels: 4\ncolors: red, blue\n");
        fields.put("categoryId", CatalogAdminStub.KITES);
        fields.put("variant.sku", "DK-1");
        fields.put("variant.price", price);
        fields.put("variant.compareAtPrice", "24.99");
        fields.put("variant.weightGrams", "300");
        fields.put("variant.options", "Size: M\nColor: Red");
        return fields;
    }
}
