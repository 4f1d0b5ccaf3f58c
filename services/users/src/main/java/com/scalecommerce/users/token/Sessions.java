package com.scalecommerce.users.token;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import com.scalecommerce.users.account.Account;
import com.scalecommerce.users.account.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sessions of people: a session is a family of rotating refresh tokens plus the short-lived access tokens
 * issued with them. Other features end sessions through {@link #revokeAll(UUID)}.
 */
@ApplicationScoped
public class Sessions {

    /** Who is calling, once their access token has been checked against what users knows now. */
    public record SignedIn(Account account, UUID sessionId) {}

    private final RefreshTokenStore store;
    private final AccessTokens accessTokens;
    private final Accounts accounts;
    private final UsersConfig config;

    Sessions(RefreshTokenStore store, AccessTokens accessTokens, Accounts accounts, UsersConfig config) {
        this.store = store;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.config = config;
    }

    @Transactional
    public TokenResponse start(Account account) {
        UUID familyId = UUID.randomUUID();
        store.insertFamily(familyId, account.id());
        return issue(account, familyId);
    }

    /**
     * Rotates a refresh token. A token that was already rotated means two parties hold it (one of them a
     * thief), so the whole family is revoked. The revocation must commit even though the call fails.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenResponse refresh(String refreshToken) {
        var token = store.lock(OpaqueTokens.hash(refreshToken)).orElseThrow(Sessions::invalidRefreshToken);
        if (token.familyRevokedAt() != null) {
            throw invalidRefreshToken();
        }
        if (token.rotatedAt() != null) {
            store.revokeFamily(token.familyId(), token.accountId(), "REUSE_DETECTED");
            throw invalidRefreshToken();
        }
        if (token.expiresAt().isBefore(Instant.now())) {
            throw invalidRefreshToken();
        }
        if (token.familyCreatedAt().plus(config.tokens().sessionMaxLifetime()).isBefore(Instant.now())) {
            store.revokeFamily(token.familyId(), token.accountId(), "SESSION_EXPIRED");
            throw invalidRefreshToken();
        }
        Optional<Account> account = accounts.findById(token.accountId());
        if (account.isEmpty() || !account.get().isActive()) {
            store.revokeFamily(token.familyId(), token.accountId(), "ACCOUNT_NOT_ACTIVE");
            throw invalidRefreshToken();
        }
        store.markRotated(token.tokenId());
        return issue(account.get(), token.familyId());
    }

    /** Ends the session the refresh token belongs to; unknown tokens are ignored so logout is idempotent. */
    @Transactional
    public void end(String refreshToken) {
        store.lock(OpaqueTokens.hash(refreshToken))
                .ifPresent(t -> store.revokeFamily(t.familyId(), t.accountId(), "LOGOUT"));
    }

    /**
     * Ends the session an access token was issued in (its {@code sid}), when the logout came with one: that token
     * and every other of the session are refused from then on, as its refresh token is. Only the caller's own
     * sessions can be named this way: the token was verified and the family must belong to its subject.
     */
    @Transactional
    public void endSessionOf(JsonWebToken jwt) {
        String sid = jwt.getClaim("sid");
        if (sid == null) {
            return;
        }
        try {
            store.revokeFamily(UUID.fromString(sid), UUID.fromString(jwt.getSubject()), "LOGOUT");
        } catch (IllegalArgumentException notOurs) {
            // Not ids users issued: nothing of ours to end.
        }
    }

    /** Ends every session of the account: refresh tokens stop working, and users rejects their access tokens. */
    @Transactional
    public void revokeAll(UUID accountId) {
        store.revokeFamiliesOf(accountId, "REVOKE_ALL", null);
    }

    /** Ends every session but {@code keep}: after a password change the caller stays signed in. */
    @Transactional
    public void revokeAllExcept(UUID accountId, UUID keep) {
        store.revokeFamiliesOf(accountId, "OTHER_SESSIONS_ENDED", keep);
    }

    /**
     * Checks a verified access token against what only users knows: logged out, session ended, account
     * disabled. Service tokens carry no session and are refused here.
     */
    @Transactional
    public SignedIn current(JsonWebToken jwt) {
        UUID sessionId = sessionOf(jwt);
        if (!store.isFamilyActive(sessionId)) {
            throw ended();
        }
        Account account = accounts.findById(UUID.fromString(jwt.getSubject()))
                .filter(Account::isActive)
                .orElseThrow(Sessions::ended);
        return new SignedIn(account, sessionId);
    }

    /**
     * The first half of {@link #current}: the session the token names. For a read that checks the session's family
     * and the account in its own query, in one round trip (the profile page, read on every visit of the account
     * pages): that query must refuse the caller with {@link #ended()} when the family is revoked or the account not
     * active. A sign-out revokes the family of the access token it came with, so the family is the whole check.
     */
    public UUID sessionOf(JsonWebToken jwt) {
        if (jwt == null || jwt.getRawToken() == null) {
            throw ProblemException.unauthorized("UNAUTHORIZED", "A valid access token is required.");
        }
        String sid = jwt.getClaim("sid");
        if (sid == null) {
            throw ProblemException.forbidden("This endpoint is for signed-in people.");
        }
        return UUID.fromString(sid);
    }

    public static ProblemException ended() {
        return ProblemException.unauthorized("TOKEN_REVOKED", "This session has ended. Sign in again.");
    }

    private TokenResponse issue(Account account, UUID familyId) {
        String refreshToken = OpaqueTokens.newToken();
        store.insertToken(
                familyId,
                OpaqueTokens.hash(refreshToken),
                Instant.now().plus(config.tokens().refreshTokenLifetime()));
        return TokenResponse.of(accessTokens.forAccount(account, familyId), refreshToken, null);
    }

    private static ProblemException invalidRefreshToken() {
        return ProblemException.unauthorized(
                "INVALID_REFRESH_TOKEN", "The refresh token is invalid, expired or revoked. Sign in again.");
    }
}
