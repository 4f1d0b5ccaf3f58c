package com.scalecommerce.users.token;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Access-token ids ended by a logout, kept in Redis until the token would have expired anyway. */
@ApplicationScoped
class RevokedAccessTokens {

    private static final String PREFIX = "users:revoked-jti:";

    private final ValueCommands<String, String> values;

    RevokedAccessTokens(RedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    void revoke(String jti, Instant expiresAt) {
        long seconds = Duration.between(Instant.now(), expiresAt).toSeconds() + 1;
        if (seconds > 0) {
            values.setex(PREFIX + jti, seconds, "1");
        }
    }

    boolean isRevoked(String jti) {
        return values.get(PREFIX + jti) != null;
    }
}
