package com.scalecommerce.orders.pricing.shipping;

import java.util.UUID;

/** A shipping method priced for one cart and address. */
public record ShippingOption(
        UUID methodId, String name, String kind, long priceMinor, String currency, DeliveryEstimate deliveryEstimate) {

    public record DeliveryEstimate(int minDays, int maxDays) {}
}
