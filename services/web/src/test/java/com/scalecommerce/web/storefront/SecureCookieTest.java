package com.scalecommerce.web.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outside local http (the production setting): the session cookie is {@code __Host-sc} and Secure. */
@QuarkusTest
@TestProfile(SecureCookieTest.Production.class)
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
class SecureCookieTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scalecommerce.web.insecure-cookies", "false");
        }
    }

    @Test
    void theSessionCookieIsAHostPrefixedSecureHttpOnlyLaxCookie() {
        ProductsStub.categories("Kites", "kites");
        ProductsStub.home(List.of(), List.of());
        ProductsStub.product("secure-kite", "Secure Kite", new ProductsStub.Sku("SEC-1", "M", 1000, true));

        Response page = given().accept("text/html").get("/p/secure-kite");
        assertThat(page.statusCode()).isEqualTo(200);
        String setCookie = page.header("Set-Cookie");
        assertThat(setCookie).startsWith("__Host-sc=");
        // __Host- requires Secure, Path=/ and no Domain; browsers drop the cookie otherwise.
        assertThat(setCookie)
                .contains("; Path=/", "; HttpOnly", "; SameSite=Lax", "; Secure")
                .doesNotContain("Domain");

        // The cookie named for local http is not read in this mode: the cart page starts a new session.
        String value = CartPagesTest.cookieValue(setCookie);
        Response cart = given().accept("text/html").cookie("sc", value).get("/cart");
        assertThat(cart.statusCode()).isEqualTo(200);
        assertThat(cart.header("Set-Cookie")).startsWith("__Host-sc=");
        Response same = given().accept("text/html").cookie("__Host-sc", value).get("/cart");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.header("Set-Cookie")).isNull();
    }
}
