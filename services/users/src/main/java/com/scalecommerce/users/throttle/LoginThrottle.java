package com.scalecommerce.users.throttle;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Slows password guessing, in Redis so every replica counts the same failures.
 *
 * <p>Per account: the first few failures are free; each further one blocks the account for a delay that
 * doubles up to a cap. Per client IP: a larger budget of failures per window, across all accounts. Every
 * counter expires, and a successful login clears the account's, so the owner is never locked out for good.
 * Accounts are keyed by a hash of the normalised email whether or not the account exists.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final String PREFIX = "users:login-throttle:";

    // INCR and PEXPIRE in one step: a crash between them must not leave a counter that never expires.
    private static final String COUNT_FAILURE = "local n = redis.call('INCR', KEYS[1]) "
            + "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "return n";

    private final RedisDataSource redis;
    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;
    private final UsersConfig.Throttle limits;

    LoginThrottle(RedisDataSource redis, UsersConfig config) {
        this.redis = redis;
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.limits = config.throttle();
    }

    /** Throws 429 with Retry-After when this account or this address must wait before the next try. */
    public void checkAllowed(String normalisedEmail, String clientIp) {
        try {
            long accountWait = millisToLive(blockKey(normalisedEmail));
            if (accountWait > 0) {
                throw ProblemException.tooManyRequests(ceilSeconds(accountWait));
            }
            Long ipFailures = counters.get(ipKey(clientIp));
            if (ipFailures != null && ipFailures >= limits.ipMaxFailures()) {
                throw ProblemException.tooManyRequests(ceilSeconds(Math.max(millisToLive(ipKey(clientIp)), 1000)));
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public void recordFailure(String normalisedEmail, String clientIp) {
        try {
            long accountFailures = countFailure(failureKey(normalisedEmail), limits.accountWindow());
            long beyondFree = accountFailures - limits.accountFreeFailures();
            if (beyondFree >= 0) {
                Duration delay = delayFor(beyondFree);
                counters.psetex(blockKey(normalisedEmail), delay.toMillis(), accountFailures);
            }
            countFailure(ipKey(clientIp), limits.ipWindow());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The owner got in: their account starts afresh. The address budget is not reset, or one valid account
     * would let an attacker reset it at will. */
    public void recordSuccess(String normalisedEmail) {
        try {
            keys.del(failureKey(normalisedEmail), blockKey(normalisedEmail));
        } catch (RuntimeException e) {
            LOG.warn("Could not clear the login throttle; it will expire by itself", e);
        }
    }

    private long millisToLive(String key) {
        try {
            return keys.pttl(key);
        } catch (RedisKeyNotFoundException absent) {
            return -2;
        }
    }

    private Duration delayFor(long beyondFree) {
        Duration max = limits.accountMaxDelay();
        if (beyondFree >= 30) {
            return max;
        }
        Duration delay = limits.accountBaseDelay().multipliedBy(1L << beyondFree);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private long countFailure(String key, Duration window) {
        return redis.execute("EVAL", COUNT_FAILURE, "1", key, Long.toString(window.toMillis()))
                .toLong();
    }

    private static String failureKey(String email) {
        return PREFIX + "account:" + ThrottleKeys.hashOf(email) + ":failures";
    }

    private static String blockKey(String email) {
        return PREFIX + "account:" + ThrottleKeys.hashOf(email) + ":blocked";
    }

    private static String ipKey(String ip) {
        return PREFIX + "ip:" + ip + ":failures";
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    private static ProblemException unavailable(RuntimeException cause) {
        // Failing open would switch off brute-force protection whenever Redis blips; fail fast instead.
        LOG.error("Login throttle unavailable", cause);
        return ProblemException.unavailable("THROTTLE_UNAVAILABLE", "Sign-in is briefly unavailable.", 5);
    }
}
