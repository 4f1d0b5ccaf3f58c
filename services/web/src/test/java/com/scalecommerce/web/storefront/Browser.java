package com.scalecommerce.web.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * What a browser does in these tests, without following redirects: GET a page and POST a form with the session
 * cookie ({@code sc}: the test profile runs with insecure-cookies), and carry the cookie a response sets.
 */
public final class Browser {

    public static final String COOKIE = "sc";

    private Browser() {}

    public static Response get(String path, String cookie) {
        var request = given().accept("text/html").redirects().follow(false);
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        return request.get(path);
    }

    public static Response post(String path, String cookie, Map<String, String> form) {
        var request = given().accept("text/html").redirects().follow(false).formParams(form);
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        return request.post(path);
    }

    /** The cookie after this response: the one it sets, else the one the browser already had. */
    public static String cookieAfter(Response response, String before) {
        String setCookie = response.header("Set-Cookie");
        return setCookie == null ? before : CartPagesTest.cookieValue(setCookie);
    }

    /** The CSRF token of the first form in the page's main content. */
    public static String csrf(Response page) {
        var input = Jsoup.parse(page.asString()).selectFirst("main form input[name=_csrf]");
        assertThat(input).as("a form with a CSRF token").isNotNull();
        return input.val();
    }
}
