package com.scalecommerce.orders.cart;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose cart: a signed-in customer's (by JWT subject) or a guest's (by cart token). The cart id never contains
 * the guest token itself, only its SHA-256, so neither Redis keys nor events leak a usable bearer secret.
 */
public record CartOwner(String cartId, Optional<UUID> userId) {

    public static CartOwner user(UUID userId) {
        return new CartOwner("u:" + userId, Optional.of(userId));
    }

    public static CartOwner guest(CartToken token) {
        return new CartOwner("g:" + token.hash(), Optional.empty());
    }
}
