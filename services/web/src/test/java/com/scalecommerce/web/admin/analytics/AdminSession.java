package com.scalecommerce.web.admin.analytics;

import com.scalecommerce.web.session.Session;
import com.scalecommerce.web.session.Sessions;
import com.scalecommerce.web.storefront.UsersStub;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A browser already signed in, made the way the sign-in page makes it: users' tokens (a JWT with users' claims)
 * sealed in the session cookie. Saves every admin test a trip through the login form, which SignInPagesTest
 * covers.
 */
public record AdminSession(String cookie, String csrf, String accessToken, String userId) {

    public String bearer() {
        return "Bearer " + accessToken;
    }

    public static AdminSession admin(Sessions sessions) {
        return signedIn(sessions, "root@example.com", List.of("ADMIN", "CUSTOMER"));
    }

    public static AdminSession customer(Sessions sessions) {
        return signedIn(sessions, "ada@example.com", List.of("CUSTOMER"));
    }

    private static AdminSession signedIn(Sessions sessions, String email, List<String> roles) {
        String userId = UUID.randomUUID().toString();
        String token = UsersStub.accessToken(userId, email, roles, 900);
        Session session = Sessions.fresh()
                .withSignIn(new Session.SignIn(
                        userId, email, roles, token, Instant.now().getEpochSecond() + 900, "refresh-" + userId));
        return new AdminSession(cookieValue(sessions.setCookie(session)), sessions.csrfToken(session), token, userId);
    }

    /** The value of a Set-Cookie header: what the browser sends back. */
    static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
