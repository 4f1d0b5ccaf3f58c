package com.scalecommerce.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** A verified token is verified once while it is valid, and never longer than the bound. */
class VerifiedTokensTest {

    private static final long START = 1_900_000_000L;

    /** One time line for the cache's ticker and the clock it reads token expiry against. */
    private final AtomicLong nanos = new AtomicLong();

    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(1), nanos::get, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(START).plusNanos(nanos.get());
        }
    });

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        JWTCallerPrincipal first = tokens.get("token-a", expiringIn(Duration.ofSeconds(40)));
        assertThat(tokens.get("token-a", expiringIn(Duration.ofSeconds(40)))).isSameAs(first);
        assertThat(verifications).hasValue(1);

        tokens.get("token-b", expiringIn(Duration.ofSeconds(40)));
        assertThat(verifications).hasValue(2);

        // Past the token's own expiry the cache no longer answers for it: verification runs (and would refuse it).
        advance(Duration.ofSeconds(41));
        tokens.get("token-a", expiringIn(Duration.ofSeconds(40)));
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheBound() throws Exception {
        tokens.get("token", expiringIn(Duration.ofHours(1)));
        advance(Duration.ofSeconds(59));
        tokens.get("token", expiringIn(Duration.ofHours(1)));
        assertThat(verifications).hasValue(1);

        advance(Duration.ofSeconds(2));
        tokens.get("token", expiringIn(Duration.ofHours(1)));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotKept() throws Exception {
        VerifiedTokens.Verifier refusing = token -> {
            verifications.incrementAndGet();
            throw new ParseException("bad signature");
        };
        assertThatThrownBy(() -> tokens.get("forged", refusing)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.get("forged", refusing)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
    }

    private VerifiedTokens.Verifier expiringIn(Duration left) {
        return token -> {
            verifications.incrementAndGet();
            JwtClaims claims = new JwtClaims();
            claims.setSubject("someone");
            claims.setExpirationTime(NumericDate.fromSeconds(START + nanos.get() / 1_000_000_000L + left.toSeconds()));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        };
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
