package com.scalecommerce.web.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.scalecommerce.web.account.UsersApi.Tokens;
import com.scalecommerce.web.account.UsersCalls;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Trades a refresh token for a new pair once, however many requests and replicas ask. Users rotates refresh
 * tokens and treats a second use of a rotated token as theft (the whole session is revoked). Two requests of one
 * browser that arrive together while its access token is about to expire would both try to refresh with the same
 * token, and the loser would end the browser's session; with several web replicas behind a round-robin balancer
 * the two requests usually land on different replicas.
 *
 * <p>So within a replica, concurrent refreshes of one token share one call; across replicas, the first claims the
 * refresh in Redis ({@code SET NX} on a digest of the token) and leaves the new pair there, sealed with the session
 * key, for the others to read; they wait for it (polling, at most {@link #WAIT_FOR_OTHER_REPLICA}). The answer is
 * remembered for a short while for requests that carried the old cookie a moment later. With Redis unreachable
 * each replica refreshes on its own: the cross-replica race is back, nothing else breaks.
 */
@ApplicationScoped
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REMEMBERED = Duration.ofSeconds(30);
    /** Longer than users' refresh takes (its client's timeout), so a claim outlives the call it guards. */
    private static final Duration CLAIM = Duration.ofSeconds(10);

    static final Duration WAIT_FOR_OTHER_REPLICA = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String PENDING = "pending";
    private static final String PURPOSE = "token-refresh";
    private static final String KEY_PREFIX = "web:token-refresh:";

    private final UsersCalls users;
    private final RedisDataSource redis;
    private final Sessions sessions;
    private final Cache<String, CompletableFuture<Tokens>> inFlight = Caffeine.newBuilder()
            .executor(Runnable::run)
            .expireAfterWrite(REMEMBERED)
            .maximumSize(50_000)
            .build();

    TokenRefresher(UsersCalls users, RedisDataSource redis, Sessions sessions) {
        this.users = users;
        this.redis = redis;
        this.sessions = sessions;
    }

    /** The new pair for this refresh token; throws what the users call threw (a refusal or a failure). */
    public Tokens refresh(String refreshToken) {
        String key = digest(refreshToken);
        var mine = new CompletableFuture<Tokens>();
        CompletableFuture<Tokens> shared = inFlight.asMap().putIfAbsent(key, mine);
        if (shared == null) {
            try {
                mine.complete(refreshOnceAcrossReplicas(KEY_PREFIX + key, refreshToken));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                // A failure (users down) may be retried by the next request; a refusal is final anyway.
                inFlight.asMap().remove(key, mine);
            }
            shared = mine;
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Tokens refreshOnceAcrossReplicas(String redisKey, String refreshToken) {
        boolean claimed;
        try {
            claimed = redis.execute("SET", redisKey, PENDING, "NX", "PX", Long.toString(CLAIM.toMillis())) != null;
        } catch (RuntimeException e) {
            LOG.debugf(e, "Redis unreachable: refreshing without the other replicas");
            return users.refresh(refreshToken);
        }
        if (!claimed) {
            return answerOfOtherReplica(redisKey, refreshToken);
        }
        Tokens tokens;
        try {
            tokens = users.refresh(refreshToken);
        } catch (RuntimeException e) {
            // Let go, so that a later request (here or elsewhere) may try again; a refusal will be refused again.
            quietly(() -> redis.execute("DEL", redisKey));
            throw e;
        }
        quietly(() -> redis.execute("SET", redisKey, seal(tokens), "XX", "PX", Long.toString(REMEMBERED.toMillis())));
        return tokens;
    }

    /** Another replica claimed this refresh: its answer, once it is in Redis. */
    private Tokens answerOfOtherReplica(String redisKey, String refreshToken) {
        long deadline = System.nanoTime() + WAIT_FOR_OTHER_REPLICA.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Response value = redis.execute("GET", redisKey);
            if (value == null) {
                // The other replica's call failed and it let go: this one tries.
                return refreshOnceAcrossReplicas(redisKey, refreshToken);
            }
            if (!PENDING.equals(value.toString())) {
                return unseal(value.toString());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another replica's refresh", e);
            }
        }
        // The caller treats this like users being unreachable: the current access token is used for now.
        throw new IllegalStateException("another replica's refresh did not finish within " + WAIT_FOR_OTHER_REPLICA);
    }

    private String seal(Tokens tokens) {
        try {
            return sessions.seal(JSON.writeValueAsBytes(tokens), PURPOSE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write tokens", e);
        }
    }

    private Tokens unseal(String sealed) {
        try {
            return JSON.readValue(sessions.open(sealed, PURPOSE), Tokens.class);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("another replica's refresh answer does not open", e);
        }
    }

    private static void quietly(Runnable redisCall) {
        try {
            redisCall.run();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Redis unreachable while sharing a refresh");
        }
    }

    /** Neither the cache nor Redis holds a usable token as its key: a digest of it. */
    private static String digest(String token) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
