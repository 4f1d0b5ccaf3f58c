package com.scalecommerce.platform.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;

/**
 * Access tokens that passed verification, kept so the next request with the same token skips it. A browser's
 * session sends one access token with every call until it is refreshed, and checking it (RS256, JSON, the claims
 * rules) was a quarter of orders' CPU in the storefront's browse journey.
 *
 * <p>What is kept is only what verification proves, the signature and the claims; anything checked against the
 * present state on each request (users' session check, revocation) still runs. An entry lives until the token
 * expires and at most {@code longest} (one minute in the services): a signing key that is retired stops working
 * for a kept token within that time, well inside the JWKS refresh interval that already delays it. A token that
 * fails verification is not kept.
 */
public final class VerifiedTokens {

    /** The verification the cache stands in front of. */
    @FunctionalInterface
    public interface Verifier {
        JWTCallerPrincipal verify(String token) throws ParseException;
    }

    private final Cache<String, JWTCallerPrincipal> verified;
    private final Clock clock;

    public VerifiedTokens(int maximumSize, Duration longest, Ticker ticker, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                // Upkeep on the calling thread, not handed to the common pool (a thread wake-up every few reads).
                .executor(Runnable::run)
                .maximumSize(maximumSize)
                .ticker(ticker)
                .expireAfter(untilExpiry(longest))
                .build();
    }

    /** The services' cache: 10,000 tokens (a few KB each), one minute at most, on the system clocks. */
    public static VerifiedTokens forServices() {
        return new VerifiedTokens(10_000, Duration.ofMinutes(1), Ticker.systemTicker(), Clock.systemUTC());
    }

    public JWTCallerPrincipal get(String token, Verifier verifier) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.verify(token);
        if (secondsLeft(principal) > 0) {
            verified.put(token, principal);
        }
        return principal;
    }

    private long secondsLeft(JWTCallerPrincipal principal) {
        return principal.getExpirationTime() - clock.instant().getEpochSecond();
    }

    private Expiry<String, JWTCallerPrincipal> untilExpiry(Duration longest) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, JWTCallerPrincipal principal, long currentTime) {
                return Math.min(
                        longest.toNanos(),
                        Duration.ofSeconds(Math.max(0, secondsLeft(principal))).toNanos());
            }

            @Override
            public long expireAfterUpdate(
                    String token, JWTCallerPrincipal principal, long currentTime, long currentDuration) {
                return expireAfterCreate(token, principal, currentTime);
            }

            @Override
            public long expireAfterRead(
                    String token, JWTCallerPrincipal principal, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
