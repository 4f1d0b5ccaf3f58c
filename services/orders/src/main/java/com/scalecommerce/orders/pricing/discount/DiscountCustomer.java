package com.scalecommerce.orders.pricing.discount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Who redeems a code, for the per-customer limit: a signed-in customer by id, a guest by e-mail. The e-mail
 * is kept only as a SHA-256 digest: the limit needs equality, not the address.
 */
public record DiscountCustomer(String key) {

    public static DiscountCustomer customer(UUID customerId) {
        return new DiscountCustomer(customerId.toString());
    }

    public static DiscountCustomer guest(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return new DiscountCustomer("guest:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
