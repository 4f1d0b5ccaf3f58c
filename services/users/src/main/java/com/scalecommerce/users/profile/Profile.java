package com.scalecommerce.users.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a customer sees and edits of their own account. */
public record Profile(
        UUID id,
        String email,
        boolean emailVerified,
        String name,
        String phone,
        boolean marketingConsent,
        List<String> roles,
        Instant createdAt) {}
