package com.scalecommerce.web.session;

/**
 * What the web tier remembers about one browser, carried in the encrypted session cookie. {@code seed} is a random
 * per-session value the CSRF token is derived from; {@code cartToken} is orders' guest cart token (null until the
 * first add to cart); {@code flash} is a message for the next cart page (an action's error), shown once.
 */
public record Session(String seed, String cartToken, String flash) {

    public Session withCartToken(String token) {
        return new Session(seed, token, flash);
    }

    public Session withFlash(String message) {
        return new Session(seed, cartToken, message);
    }
}
