package com.scalecommerce.orders.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * This service's own access token for calling products, fetched from users with client_credentials and reused
 * until shortly before it expires: a flash sale must not turn every checkout into a token request.
 */
@ApplicationScoped
class ServiceToken {

    static final String SCOPE = "inventory";
    /** Renew early so a token never expires between being read here and being checked by products. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private record Issued(String bearer, Instant renewAt) {}

    private final TokenApi users;
    private final InventoryConfig config;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile Issued current;

    ServiceToken(@RestClient TokenApi users, InventoryConfig config) {
        this.users = users;
        this.config = config;
    }

    /** The Authorization header value; one renewal at a time while the others wait for it (virtual threads). */
    String bearer() {
        Issued issued = current;
        if (issued != null && Instant.now().isBefore(issued.renewAt())) {
            return issued.bearer();
        }
        renewal.lock();
        try {
            issued = current;
            if (issued == null || !Instant.now().isBefore(issued.renewAt())) {
                var answer = users.token("client_credentials", SCOPE, config.clientId(), config.clientSecret());
                Duration lifetime = Duration.ofSeconds(answer.expiresIn());
                Duration reuse = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                        ? lifetime.minus(RENEW_BEFORE_EXPIRY)
                        : lifetime.dividedBy(2);
                issued = new Issued(
                        "Bearer " + answer.accessToken(), Instant.now().plus(reuse));
                current = issued;
            }
            return issued.bearer();
        } finally {
            renewal.unlock();
        }
    }

    /** After a 401: the token was revoked or the signing key rotated away; fetch a new one next time. */
    void forget() {
        current = null;
    }
}
