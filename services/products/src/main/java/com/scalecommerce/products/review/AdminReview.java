package com.scalecommerce.products.review;

import java.time.Instant;
import java.util.UUID;

/** A review as moderators see it: who wrote it and whether it is shown. */
public record AdminReview(
        UUID id,
        UUID productId,
        UUID userId,
        String authorName,
        int rating,
        String title,
        String text,
        String status,
        boolean verifiedPurchase,
        int helpfulCount,
        Instant hiddenAt,
        UUID hiddenBy,
        Instant createdAt,
        Instant updatedAt) {}
