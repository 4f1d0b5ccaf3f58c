package com.scalecommerce.web.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.scalecommerce.web.account.UsersApi.Tokens;
import com.scalecommerce.web.account.UsersCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Trades a refresh token for a new pair at most once per replica. Users rotates refresh tokens and treats a second
 * use of a rotated token as theft (the whole session is revoked). Two requests of one browser that arrive together
 * while its access token is about to expire would both try to refresh with the same token, and the loser would
 * end the browser's session. So concurrent refreshes of one token share one call, and the answer is remembered for
 * a short while for requests that carried the old cookie a moment later.
 *
 * <p>Across replicas the race remains (two replicas, the same browser, the same 100 ms): the browser is then signed
 * out and signs in again. Session affinity at the ingress removes even that; see docs/adr.
 */
@ApplicationScoped
public class TokenRefresher {

    private static final Duration REMEMBERED = Duration.ofSeconds(30);

    private final UsersCalls users;
    private final Cache<String, CompletableFuture<Tokens>> inFlight = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(50_000)
            .build();

    TokenRefresher(UsersCalls users) {
        this.users = users;
    }

    /** The new pair for this refresh token; throws what the users call threw (a refusal or a failure). */
    public Tokens refresh(String refreshToken) {
        String key = digest(refreshToken);
        var mine = new CompletableFuture<Tokens>();
        CompletableFuture<Tokens> shared = inFlight.asMap().putIfAbsent(key, mine);
        if (shared == null) {
            try {
                mine.complete(users.refresh(refreshToken));
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

    /** The cache holds no usable token as its key: a digest of it. */
    private static String digest(String token) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
