package com.scalecommerce.users.throttle;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Slows password guessing, in Redis so every replica counts the same failures.
 *
 * <p>Per account: the first few failures are free; each further one blocks the account for a delay that
 * doubles up to a cap. Per client IP: a larger budget of failures per window, across all accounts. Every
 * counter expires, and a successful login clears the account's, so the owner is never locked out for good.
 * Accounts are keyed by a hash of the normalised email whether or not the account exists.
 *
 * <p>An attempt is counted as a failure before its password is checked, not after: the check takes an Argon2
 * hash's time, and parallel guesses would all pass a limit that only counted the ones that had finished. An
 * attempt that turns out right, or is never checked, is then given back.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final String PREFIX = "users:login-throttle:";

    private static final long ALLOWED = 0;
    private static final long ACCOUNT_BLOCKED = 1;

    /*
     * The checks and the counting in one step, so no two attempts can both see room for one more. Counters
     * get their expiry in the same step: a crash between INCR and PEXPIRE must not leave one that never
     * expires. The block key holds the number of the attempt that set it, so that attempt can lift it again.
     * KEYS: account failures, account block, address failures. ARGV: account window, address window, address
     * budget, free account failures, base delay, max delay (durations in ms).
     * Returns {0, the attempt's number}, {1, ms left of the account's block} or {2, ms left of the address's
     * window}.
     */
    private static final String RESERVE = """
            local blocked = redis.call('PTTL', KEYS[2])
            if blocked > 0 then return {1, blocked} end
            if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[3]) then
              return {2, redis.call('PTTL', KEYS[3])}
            end
            local n = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            redis.call('INCR', KEYS[3])
            if redis.call('PTTL', KEYS[3]) < 0 then redis.call('PEXPIRE', KEYS[3], ARGV[2]) end
            local beyondFree = n - tonumber(ARGV[4])
            if beyondFree >= 0 then
              local delay = tonumber(ARGV[6])
              if beyondFree < 30 then delay = math.min(tonumber(ARGV[5]) * 2 ^ beyondFree, delay) end
              redis.call('SET', KEYS[2], n, 'PX', math.floor(delay))
            end
            return {0, n}
            """;

    /*
     * Takes one attempt off both counters. DECR keeps a key's expiry; a counter that has expired meanwhile is
     * left alone rather than recreated below zero without one. A block this attempt set goes too: an attempt
     * only gets through when no block is live, so there was none before it.
     * KEYS: account failures, account block, address failures. ARGV: the attempt's number.
     */
    private static final String GIVE_BACK = """
            if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
            if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
            return 0
            """;

    // The owner got in: the account starts afresh, and the address gets this attempt back.
    private static final String SUCCESS = """
            redis.call('DEL', KEYS[1], KEYS[2])
            if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
            return 0
            """;

    /** One password check the throttle let through, counted as a failure until told otherwise. */
    public record Attempt(String normalisedEmail, String clientIp, long number) {}

    private final RedisDataSource redis;
    private final UsersConfig.Throttle limits;

    LoginThrottle(RedisDataSource redis, UsersConfig config) {
        this.redis = redis;
        this.limits = config.throttle();
    }

    /**
     * Counts an attempt at this account from this address as a failure, before its password is checked.
     * Throws 429 with Retry-After when the account or the address must wait first; nothing is counted then.
     */
    public Attempt reserve(String normalisedEmail, String clientIp) {
        long[] reply;
        try {
            var answer = redis.execute(
                    "EVAL",
                    RESERVE,
                    "3",
                    failureKey(normalisedEmail),
                    blockKey(normalisedEmail),
                    ipKey(clientIp),
                    Long.toString(limits.accountWindow().toMillis()),
                    Long.toString(limits.ipWindow().toMillis()),
                    Integer.toString(limits.ipMaxFailures()),
                    Integer.toString(limits.accountFreeFailures()),
                    Long.toString(limits.accountBaseDelay().toMillis()),
                    Long.toString(limits.accountMaxDelay().toMillis()));
            reply = new long[] {answer.get(0).toLong(), answer.get(1).toLong()};
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (reply[0] == ALLOWED) {
            return new Attempt(normalisedEmail, clientIp, reply[1]);
        }
        long millisLeft = reply[0] == ACCOUNT_BLOCKED ? reply[1] : Math.max(reply[1], 1000);
        throw ProblemException.tooManyRequests(ceilSeconds(millisLeft));
    }

    /**
     * The attempt was not a failure after all: its password was never checked (the hasher was busy, the
     * database failed), or it was right for something other than signing in. It no longer counts.
     */
    public void giveBack(Attempt attempt) {
        try {
            redis.execute(
                    "EVAL",
                    GIVE_BACK,
                    "3",
                    failureKey(attempt.normalisedEmail()),
                    blockKey(attempt.normalisedEmail()),
                    ipKey(attempt.clientIp()),
                    Long.toString(attempt.number()));
        } catch (RuntimeException e) {
            LOG.warn("Could not give back a login attempt; it counts until its window ends", e);
        }
    }

    /** The owner got in: their account starts afresh. The address budget is not reset, or one valid account
     * would let an attacker reset it at will; it only gets this attempt back. */
    public void recordSuccess(Attempt attempt) {
        try {
            redis.execute(
                    "EVAL",
                    SUCCESS,
                    "3",
                    failureKey(attempt.normalisedEmail()),
                    blockKey(attempt.normalisedEmail()),
                    ipKey(attempt.clientIp()));
        } catch (RuntimeException e) {
            LOG.warn("Could not clear the login throttle; it will expire by itself", e);
        }
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
