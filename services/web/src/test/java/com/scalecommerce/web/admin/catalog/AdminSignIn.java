package com.scalecommerce.web.admin.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.storefront.Browser;
import com.scalecommerce.web.storefront.UsersStub;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser signed in through the real sign-in form against the WireMock users, as an administrator or as a
 * customer; its cookie carries the access token the admin pages pass on to the services.
 */
public final class AdminSignIn {

    public static final String ADMIN_ID = UUID.randomUUID().toString();

    private AdminSignIn() {}

    private static String adminToken;

    /** The access token of the last {@link #admin()} sign-in: what every call to the services must carry. */
    public static String adminToken() {
        return adminToken;
    }

    public static String admin() {
        adminToken = UsersStub.accessToken(ADMIN_ID, "root@example.com", List.of("ADMIN", "CUSTOMER"), 900);
        return signIn(adminToken);
    }

    public static String customer() {
        return signIn(UsersStub.accessToken(UUID.randomUUID().toString(), "ada@example.com", List.of("CUSTOMER"), 900));
    }

    private static String signIn(String accessToken) {
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(accessToken, "refresh"));
        Response form = Browser.get("/login", null);
        String cookie = Browser.cookieAfter(form, null);
        Response in = Browser.post(
                "/login",
                cookie,
                Map.of("_csrf", Browser.csrf(form), "email", "someone@example.com", "password", "pw"));
        assertThat(in.statusCode()).isEqualTo(303);
        return Browser.cookieAfter(in, cookie);
    }

    /** A page the signed-in browser opens, checked for its status. */
    public static Page open(String path, String cookie, int status) {
        Response response = Browser.get(path, cookie);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return new Page(response, Browser.cookieAfter(response, cookie));
    }

    /** A form post from that page with its CSRF token. */
    public static Response post(Page from, String path, Map<String, String> fields) {
        var form = new java.util.HashMap<>(fields);
        form.put("_csrf", from.csrf());
        return Browser.post(path, from.cookie(), form);
    }

    public record Page(Response response, String cookie) {

        public Document html() {
            return Jsoup.parse(response.asString());
        }

        public String csrf() {
            return html().selectFirst("main form input[name=_csrf]").val();
        }
    }
}
