package com.scalecommerce.products.review;

import java.time.Instant;
import java.util.UUID;

/** A review as shoppers see it: no customer id, text already sanitised. */
public record Review(
        UUID id,
        UUID productId,
        String authorName,
        int rating,
        String title,
        String text,
        boolean verifiedPurchase,
        int helpfulCount,
        Instant createdAt,
        Instant updatedAt) {}
