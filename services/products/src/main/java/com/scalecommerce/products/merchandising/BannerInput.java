package com.scalecommerce.products.merchandising;

import java.time.Instant;

/** Exactly one of {@code imageUrl} and {@code imageKey} (a key from the image upload). No window end: forever. */
public record BannerInput(
        String headline,
        String text,
        String imageUrl,
        String imageKey,
        String link,
        Integer position,
        Instant startsAt,
        Instant endsAt) {}
