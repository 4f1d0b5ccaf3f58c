package com.scalecommerce.products.review;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** Where a page ended: the sort key, creation time and id of its last review. Opaque to clients. */
record ReviewCursor(long key, OffsetDateTime createdAt, UUID id) {

    String encode() {
        String raw = key + "|" + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ReviewCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            return new ReviewCursor(
                    Long.parseLong(parts[0]), OffsetDateTime.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
