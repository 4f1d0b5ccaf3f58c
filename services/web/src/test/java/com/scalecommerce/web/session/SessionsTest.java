package com.scalecommerce.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session cookie: what one seals the other opens, tampering is no session, and an opened cookie is reused. */
class SessionsTest {

    private final Sessions sessions = new Sessions(config(randomKey()));

    @Test
    void aSealedSessionOpensAgainAndTheSameCookieIsOpenedOnce() {
        var roles = new ArrayList<>(List.of("CUSTOMER"));
        var signIn = new Session.SignIn("u1", "ann@example.com", roles, "access", 1_900_000_000L, "refresh");
        Session session = Sessions.fresh().withCartToken("cart-1").withSignIn(signIn);
        HttpHeaders browser = browserSending(cookieValue(sessions.setCookie(session)));

        Session first = sessions.read(browser).orElseThrow();
        assertThat(first).isEqualTo(session);
        // The next page with the same cookie gets the session opened before, not a fresh decryption.
        assertThat(sessions.read(browser).orElseThrow()).isSameAs(first);

        // Kept sessions are shared between requests, so nothing in them can change.
        roles.add("ADMIN");
        assertThat(first.signIn().hasRole("ADMIN")).isFalse();
    }

    @Test
    void aSessionsCsrfTokenIsItsOwnAndStaysTheSameWhileAnotherSessionsOrKeysIsRefused() {
        Session ann = Sessions.fresh();
        Session bob = Sessions.fresh();
        String token = sessions.csrfToken(ann);

        assertThat(sessions.csrfToken(ann)).isEqualTo(token);
        // The same seed in a changed session (a cart token added) keeps the token its open pages carry.
        assertThat(sessions.csrfToken(ann.withCartToken("cart-2"))).isEqualTo(token);
        assertThat(sessions.csrfToken(bob)).isNotEqualTo(token);
        assertThat(new Sessions(config(randomKey())).csrfToken(ann)).isNotEqualTo(token);

        sessions.requireCsrf(Optional.of(ann), token);
        assertThatThrownBy(() -> sessions.requireCsrf(Optional.of(bob), token)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> sessions.requireCsrf(Optional.empty(), token)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> sessions.requireCsrf(Optional.of(ann), null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aTamperedCookieOrAnotherKeysCookieIsNoSession() {
        String value = cookieValue(sessions.setCookie(Sessions.fresh()));
        char last = value.charAt(value.length() - 2);
        String tampered =
                value.substring(0, value.length() - 2) + (last == 'A' ? 'B' : 'A') + value.charAt(value.length() - 1);

        assertThat(sessions.read(browserSending(tampered))).isEmpty();
        assertThat(new Sessions(config(randomKey())).read(browserSending(value)))
                .isEmpty();
        assertThat(sessions.read(browserSending(value))).isPresent();
    }

    @Test
    void findsItsCookieAmongOthersAndOnlyByItsWholeName() {
        assertThat(Sessions.cookieValue("sc=abc", "sc")).isEqualTo("abc");
        assertThat(Sessions.cookieValue("a=1; sc=abc; b=2", "sc")).isEqualTo("abc");
        assertThat(Sessions.cookieValue("a=1;sc=abc", "sc")).isEqualTo("abc");
        assertThat(Sessions.cookieValue("xsc=evil; scx=evil", "sc")).isNull();
        assertThat(Sessions.cookieValue("xsc=evil; sc=good", "sc")).isEqualTo("good");
        // Two Cookie headers (HTTP/2 splits them) come joined with a comma.
        assertThat(Sessions.cookieValue("a=1, sc=abc", "sc")).isEqualTo("abc");
        assertThat(Sessions.cookieValue("sc=", "sc")).isEmpty();
        assertThat(Sessions.cookieValue("sc", "sc")).isNull();
        assertThat(Sessions.cookieValue("", "sc")).isNull();
        assertThat(Sessions.cookieValue(null, "sc")).isNull();
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static HttpHeaders browserSending(String value) {
        // Sessions reads nothing but the Cookie header; other cookies of the site come along.
        String cookieHeader = "theme=dark; sc=" + value + "; xsc=other";
        return (HttpHeaders) Proxy.newProxyInstance(
                HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString") && HttpHeaders.COOKIE.equals(args[0])) {
                        return cookieHeader;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static WebConfig config(String key) {
        return new WebConfig() {
            @Override
            public int pageSize() {
                return 24;
            }

            @Override
            public int retryAfterSeconds() {
                return 5;
            }

            @Override
            public String sessionKey() {
                return key;
            }

            @Override
            public boolean insecureCookies() {
                return true; // the cookie is named sc
            }
        };
    }
}
