package com.scalecommerce.products.inventory;

import java.util.UUID;

/** A SKU whose stock row disagrees with its ledger or with its open reservations: each one is a bug to chase. */
public record Discrepancy(
        String sku,
        UUID variantId,
        int onHand,
        long ledgerOnHand,
        int reserved,
        long ledgerReserved,
        long openReserved) {}
