package com.scalecommerce.users.token;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The signing keys this replica knows, reread from the database periodically. Reads never touch the
 * database, so verifying a token costs no I/O.
 */
@jakarta.enterprise.context.ApplicationScoped
public class KeyRing {

    record RingKey(
            String kid,
            RSAPublicKey publicKey,
            PrivateKey privateKey,
            Instant signsFrom,
            Instant signsUntil,
            Instant publishedUntil) {

        boolean signsAt(Instant now) {
            return !signsFrom.isAfter(now) && (signsUntil == null || signsUntil.isAfter(now));
        }

        boolean publishedAt(Instant now) {
            return publishedUntil == null || publishedUntil.isAfter(now);
        }
    }

    private volatile List<RingKey> keys = List.of();

    void replace(List<RingKey> keys) {
        this.keys = List.copyOf(keys);
    }

    RingKey signingKey() {
        Instant now = Instant.now();
        List<RingKey> current = keys;
        return current.stream()
                .filter(k -> k.signsAt(now))
                .max(Comparator.comparing(RingKey::signsFrom))
                // Between a retirement and a late reload, the newest key that has started is still right.
                .or(() -> current.stream()
                        .filter(k -> !k.signsFrom().isAfter(now))
                        .max(Comparator.comparing(RingKey::signsFrom)))
                .orElseThrow(() -> new IllegalStateException("No signing key is loaded"));
    }

    List<RingKey> published() {
        Instant now = Instant.now();
        return keys.stream().filter(k -> k.publishedAt(now)).toList();
    }

    Optional<RSAPublicKey> verificationKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return keys.stream()
                .filter(k -> k.kid().equals(kid) && k.publishedAt(now))
                .map(RingKey::publicKey)
                .findFirst();
    }
}
