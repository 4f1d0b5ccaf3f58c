package com.scalecommerce.users.throttle;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps the endpoints that send mail (register, forgot password) from being used to flood someone's inbox or
 * to spam through us. Per client address: too many requests answer 429, for existing and unknown emails alike,
 * so the limit reveals nothing. Per recipient: mails beyond the budget are dropped silently, because answering
 * differently would tell the caller that an account exists.
 */
@ApplicationScoped
public class MailThrottle {

    private static final Logger LOG = Logger.getLogger(MailThrottle.class);
    private static final String PREFIX = "users:mail-throttle:";

    // INCR and PEXPIRE in one step, so a counter always expires.
    private static final String COUNT = "local n = redis.call('INCR', KEYS[1]) "
            + "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "return {n, redis.call('PTTL', KEYS[1])}";

    private final RedisDataSource redis;
    private final UsersConfig.Throttle limits;

    MailThrottle(RedisDataSource redis, UsersConfig config) {
        this.redis = redis;
        this.limits = config.throttle();
    }

    /** Counts a mail-sending request from this address; 429 with Retry-After once over the budget. */
    public void checkClient(String clientIp) {
        long[] countAndTtl;
        try {
            countAndTtl = count(PREFIX + "ip:" + clientIp, limits.mailRequestWindow());
        } catch (RuntimeException e) {
            LOG.error("Mail throttle unavailable", e);
            throw ProblemException.unavailable("THROTTLE_UNAVAILABLE", "Briefly unavailable. Try again.", 5);
        }
        if (countAndTtl[0] > limits.mailRequestsPerAddress()) {
            throw ProblemException.tooManyRequests((countAndTtl[1] + 999) / 1000);
        }
    }

    /** Whether one more mail may go to this recipient in the current window. */
    public boolean allowMailTo(String normalisedEmail) {
        try {
            long sent = count(PREFIX + "to:" + ThrottleKeys.hashOf(normalisedEmail), limits.mailWindow())[0];
            if (sent > limits.mailsPerRecipient()) {
                LOG.warnf("Dropped a mail to a recipient over its budget (%d in the window)", sent);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            // Better one mail too many than a lost password reset.
            LOG.warn("Mail throttle unavailable; sending anyway", e);
            return true;
        }
    }

    private long[] count(String key, Duration window) {
        var reply = redis.execute("EVAL", COUNT, "1", key, Long.toString(window.toMillis()));
        return new long[] {reply.get(0).toLong(), reply.get(1).toLong()};
    }
}
