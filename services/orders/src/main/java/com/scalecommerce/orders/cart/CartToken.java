package com.scalecommerce.orders.cart;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A guest cart's bearer secret: 192 random bits, base64url, sent back by the client in X-Cart-Token. */
public record CartToken(String value) {

    public static final String HEADER = "X-Cart-Token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32}");

    public static CartToken generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new CartToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    // Only tokens of our own shape are accepted, so a client cannot pick a short, guessable cart token.
    public static CartToken parse(String header) {
        if (header == null || !SHAPE.matcher(header).matches()) {
            throw ProblemException.badRequest("INVALID_CART_TOKEN", "The X-Cart-Token header is not a cart token.");
        }
        return new CartToken(header);
    }

    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CartToken[redacted]";
    }
}
