package com.scalecommerce.web.session;

import java.util.List;

/**
 * What the web tier remembers about one browser, carried in the encrypted session cookie. {@code seed} is a random
 * per-session value the CSRF token is derived from; {@code cartToken} is orders' guest cart token (null until the
 * first add to cart, and again after sign-in, when the guest cart has joined the customer's); {@code flash} is a
 * message for the next page (an action's outcome), shown once; {@code signIn} is the signed-in person's tokens
 * from users (null for a guest).
 */
public record Session(String seed, String cartToken, String flash, SignIn signIn) {

    public Session withCartToken(String token) {
        return new Session(seed, token, flash, signIn);
    }

    public Session withFlash(String message) {
        return new Session(seed, cartToken, message, signIn);
    }

    public Session withSignIn(SignIn value) {
        return new Session(seed, cartToken, flash, value);
    }

    public boolean signedIn() {
        return signIn != null;
    }

    /**
     * Users' answer to a sign-in, as the browser's session keeps it (encrypted, so the tokens are never readable
     * by the browser). {@code accessExpiresAt} is epoch seconds; the web tier refreshes the access token with the
     * refresh token shortly before then, server-side.
     */
    public record SignIn(
            String userId,
            String email,
            List<String> roles,
            String accessToken,
            long accessExpiresAt,
            String refreshToken) {

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }
    }
}
