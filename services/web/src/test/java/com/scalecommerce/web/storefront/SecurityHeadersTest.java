package com.scalecommerce.web.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
class SecurityHeadersTest {

    @Test
    void everyResponseCarriesTheSecurityBaseline() {
        ProductsStub.categories("Kites", "kites");
        ProductsStub.home(List.of(), List.of());
        for (Response response : List.of(
                given().accept("text/html").get("/"),
                given().get("/static/app.css"),
                given().accept("text/html").get("/p/missing-" + System.nanoTime()))) {
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-inline");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    @Test
    void pagesAreRevalidatedAndHaveNoInlineScript() {
        ProductsStub.categories("Kites", "kites");
        ProductsStub.home(List.of(), List.of());
        Response response = given().accept("text/html").get("/");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        var scripts = Jsoup.parse(response.asString()).select("script");
        assertThat(scripts)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.hasAttr("src")).isTrue());
        assertThat(scripts.html()).isBlank();
    }

    @Test
    void fingerprintedAssetsAreCachedForAYear() {
        ProductsStub.categories("Kites", "kites");
        ProductsStub.home(List.of(), List.of());
        var page = Jsoup.parse(given().accept("text/html").get("/").asString());
        String css = page.select("link[rel=stylesheet]").attr("href");
        String js = page.select("script[src]").attr("src");
        assertThat(css).matches("/static/app\\.css\\?v=[0-9a-f]{16}");
        assertThat(js).matches("/static/app\\.js\\?v=[0-9a-f]{16}");
        given().get(css)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/css"))
                .header("Cache-Control", "public, max-age=31536000, immutable");
        given().get(js).then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
        // A stale fingerprint must not be pinned for a year under the old URL's promise.
        given().get("/static/app.css?v=0000000000000000").then().statusCode(200).header("Cache-Control", "no-cache");
    }
}
