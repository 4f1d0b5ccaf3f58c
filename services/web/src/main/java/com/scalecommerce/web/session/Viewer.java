package com.scalecommerce.web.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.web.account.UsersApi.Tokens;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Session.SignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The browser's session for the current request: read from the cookie on first use, changed through
 * {@link #update}, and written back once by {@link SessionCookieFilter} when something changed. Templates reach it
 * as {@code inject:viewer} (the header's "Sign in" / "Account" / "Admin").
 *
 * <p>Tokens are refreshed here, server-side: {@link #accessToken()} hands out the access token and, when it
 * expires within {@link #REFRESH_AHEAD_SECONDS}, first trades the refresh token for a new pair at users. The
 * browser never sees either token. A refresh users refuses (session ended, revoked, reused) signs the browser out;
 * users unreachable keeps the old token, which the called service then judges.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    private static final Logger LOG = Logger.getLogger(Viewer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long REFRESH_AHEAD_SECONDS = 60;

    private final Sessions sessions;
    private final TokenRefresher refresher;
    private final HttpHeaders headers;

    private Session session;
    private boolean existed;
    private boolean changed;
    private boolean cleared;

    Viewer(Sessions sessions, TokenRefresher refresher, HttpHeaders headers) {
        this.sessions = sessions;
        this.refresher = refresher;
        this.headers = headers;
    }

    /** The session, a new empty one when the browser has none (sent only if something then changes it). */
    public Session session() {
        if (session == null) {
            Optional<Session> read = sessions.read(headers);
            existed = read.isPresent();
            session = read.orElseGet(Sessions::fresh);
        }
        return session;
    }

    /** The session the browser sent, if any (a new one made for this request is not included). */
    public Optional<Session> existing() {
        session();
        return existed || changed ? Optional.of(session) : Optional.empty();
    }

    /**
     * Replaces the session; the response carries the new cookie. A session equal to the current one is no change:
     * no cookie is sealed and sent, so the browser's cookie, and web's cache of it opened, stay as they are (a
     * cart change that keeps the same cart token used to send a new cookie every time).
     */
    public void update(Session next) {
        session();
        if (next.equals(session)) {
            return;
        }
        session = next;
        changed = true;
        cleared = false;
    }

    /** Signs out completely: the response deletes the cookie, and this request continues as a new guest. */
    public void clear() {
        session = Sessions.fresh();
        existed = false;
        changed = false;
        cleared = true;
    }

    public boolean isSignedIn() {
        return session().signedIn();
    }

    public boolean isAdmin() {
        return isSignedIn() && session().signIn().hasRole("ADMIN");
    }

    public String getEmail() {
        return isSignedIn() ? session().signIn().email() : null;
    }

    public Optional<String> userId() {
        return isSignedIn() ? Optional.of(session().signIn().userId()) : Optional.empty();
    }

    /**
     * This session's CSRF token for a form. A browser without a session gets one now (the cookie goes with this
     * response), so the token it posts back is valid.
     */
    public String getCsrf() {
        session();
        if (!existed && !changed) {
            changed = true;
        }
        return sessions.csrfToken(session);
    }

    /** A POST's token must be this session's: otherwise 403, before anything changes. */
    public void requireCsrf(String token) {
        session();
        sessions.requireCsrf(existed ? Optional.of(session) : Optional.empty(), token);
    }

    /** The message kept for this page, forgotten once shown. */
    public String takeFlash() {
        String flash = session().flash();
        if (flash != null) {
            update(session.withFlash(null));
        }
        return flash;
    }

    public void flash(String message) {
        update(session().withFlash(message));
    }

    /**
     * A valid access token for calls on the person's behalf (refreshed when close to expiry), or empty for a guest
     * and for a browser whose session users has ended.
     */
    public Optional<String> accessToken() {
        if (!isSignedIn()) {
            return Optional.empty();
        }
        SignIn current = session.signIn();
        if (!refreshDue()) {
            return Optional.of(current.accessToken());
        }
        try {
            update(session.withSignIn(signIn(refresher.refresh(current.refreshToken()))));
            return Optional.of(session.signIn().accessToken());
        } catch (Refused e) {
            LOG.debugf("refresh refused (%s): signing the browser out", e.code());
            update(session.withSignIn(null));
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.debugf(e, "users unreachable for a refresh; using the current access token");
            return Optional.of(current.accessToken());
        }
    }

    /**
     * True when {@link #accessToken()} would first trade the refresh token at users: a blocking call, which a caller
     * on the event loop leaves to a virtual thread.
     */
    public boolean refreshDue() {
        return isSignedIn()
                && session.signIn().accessExpiresAt() - Instant.now().getEpochSecond() <= REFRESH_AHEAD_SECONDS;
    }

    /** {@code "Bearer <token>"} for an Authorization header, or null for a guest. */
    public String bearer() {
        return accessToken().map(t -> "Bearer " + t).orElse(null);
    }

    /**
     * What the session keeps of users' token answer. The claims are read without verifying the signature: the
     * token came straight from users over our own connection, not from the browser (the services it is sent to
     * verify it).
     */
    public static SignIn signIn(Tokens tokens) {
        Claims claims = claims(tokens.accessToken());
        long expiresAt = claims.exp() > 0 ? claims.exp() : Instant.now().getEpochSecond() + tokens.expiresIn();
        return new SignIn(
                claims.sub(),
                claims.email(),
                claims.roles() == null ? List.of() : claims.roles(),
                tokens.accessToken(),
                expiresAt,
                tokens.refreshToken());
    }

    boolean changed() {
        return changed;
    }

    boolean cleared() {
        return cleared;
    }

    private static Claims claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("users answered an access token that is not a JWT");
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Claims.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("users answered an unreadable access token", e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Claims(String sub, String email, List<String> roles, long exp) {}
}
