package com.scalecommerce.web.events;

import com.scalecommerce.web.session.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who did something, as analytics groups behaviour into sessions: the same key orders puts in its cart events, so
 * views, cart additions and checkouts of one shopper line up in the funnel. A customer is {@code u:<userId>}; a
 * guest with a cart is {@code g:<SHA-256 hex of the cart token>} (orders' own cart id, never the token itself, which
 * is a bearer secret); a guest without a cart yet is {@code s:<hash of the session's random seed>}, stable for the
 * browser's session but unrelated to the CSRF token derived from the same seed.
 */
public record ShopperKey(String value) {

    /** Products accepts a session id of these characters only, up to 64 of them (its search.performed events). */
    private static final int SEARCH_SESSION_ID_MAX = 64;

    public static ShopperKey of(Session session) {
        if (session.signedIn() && session.signIn().userId() != null) {
            return new ShopperKey("u:" + session.signIn().userId());
        }
        if (session.cartToken() != null) {
            return new ShopperKey("g:" + sha256Hex(session.cartToken()));
        }
        return new ShopperKey("s:" + sha256Hex("behaviour:" + session.seed()).substring(0, 32));
    }

    /**
     * The key as products' {@code X-Session-Id} accepts it ({@code [A-Za-z0-9._-]{1,64}}): the colon becomes a dot
     * and a guest cart's key loses its last two hex digits.
     */
    public String asSearchSessionId() {
        String id = value.replace(':', '.');
        return id.length() <= SEARCH_SESSION_ID_MAX ? id : id.substring(0, SEARCH_SESSION_ID_MAX);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
