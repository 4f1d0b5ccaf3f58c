package com.scalecommerce.orders.pricing.discount;

import java.util.UUID;

/** What a code takes off one cart: {@code amountMinor} never exceeds the subtotal. */
public record AppliedDiscount(UUID discountId, String code, String kind, long amountMinor, String currency) {}
