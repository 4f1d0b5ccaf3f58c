package com.scalecommerce.web.account;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.storefront.Browser;
import com.scalecommerce.web.storefront.UsersStub;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A browser in the account tests: signs in through /login against the users stub, then visits and posts. */
final class SignedInBrowser {

    static final String USER = "5b0c8f3e-1d2a-4c6b-9e7f-0a1b2c3d4e5f";
    static final String EMAIL = "ada@example.com";

    final String accessToken;
    String cookie;

    private SignedInBrowser(String accessToken, String cookie) {
        this.accessToken = accessToken;
        this.cookie = cookie;
    }

    /** Signs in as {@link #USER} (a customer); the users stub answers the login with a fresh token pair. */
    static SignedInBrowser signIn() {
        String access = UsersStub.accessToken(USER, EMAIL, List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-1"));
        Response form = Browser.get("/login", null);
        String cookie = Browser.cookieAfter(form, null);
        Response in =
                Browser.post("/login", cookie, Map.of("_csrf", Browser.csrf(form), "email", EMAIL, "password", "pw"));
        assertThat(in.statusCode()).as("sign-in").isEqualTo(303);
        return new SignedInBrowser(access, Browser.cookieAfter(in, cookie));
    }

    String bearer() {
        return "Bearer " + accessToken;
    }

    Response get(String path) {
        Response response = Browser.get(path, cookie);
        cookie = Browser.cookieAfter(response, cookie);
        return response;
    }

    Document page(String path) {
        Response response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.asString());
    }

    /** Posts {@code form} plus this session's CSRF token, as the page's form would. */
    Response post(String path, Map<String, String> form) {
        var withToken = new java.util.HashMap<>(form);
        withToken.put("_csrf", csrf());
        Response response = Browser.post(path, cookie, withToken);
        cookie = Browser.cookieAfter(response, cookie);
        return response;
    }

    /** The session's token, from the header's sign-out form on a page that calls no service. */
    String csrf() {
        return Jsoup.parse(Browser.get("/forgot-password", cookie).asString())
                .select("header form[action=/logout] input[name=_csrf]")
                .val();
    }
}
