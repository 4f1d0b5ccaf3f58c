package com.scalecommerce.products.merchandising;

import java.time.Instant;
import java.util.UUID;

/** A promotional banner. {@code imageUrl} is always set; {@code imageKey} only when the image is in our storage. */
public record Banner(
        UUID id,
        String headline,
        String text,
        String imageUrl,
        String imageKey,
        String link,
        int position,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt,
        Instant updatedAt) {}
