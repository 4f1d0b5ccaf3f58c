package com.scalecommerce.web.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The session lives entirely in one cookie, so the web tier stays stateless and any replica can serve any request.
 * The value is AES-256-GCM ciphertext (random 96-bit nonce, the cookie name as associated data): the browser can
 * neither read the cart token nor change anything without the tag failing, and a cookie that fails to decrypt is
 * treated as no session at all. CSRF tokens are an HMAC of the session's random seed under a key derived from the
 * session key, so a token is valid for exactly one session and never stored.
 *
 * <p>Cookie: {@code __Host-sc} with {@code Secure}; over local http ({@code insecure-cookies}) it is named
 * {@code sc}, because browsers reject a {@code __Host-} cookie without {@code Secure}. Both are HttpOnly,
 * SameSite=Lax, Path=/, and live as long as orders keeps an idle guest cart (30 days).
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_FLASH = 300;
    static final Duration MAX_AGE = Duration.ofDays(30);
    // A browser sends the same cookie with every page until something changes it, and opening it (AES-GCM, JSON)
    // was a tenth of the web tier's CPU in the browse journey. Sessions are immutable, so a cookie value maps to
    // one session for good; the bound keeps memory in check (about 3 KB per entry) and a miss just opens again.
    private static final int OPENED_SESSIONS = 4_096;

    private final SecretKeySpec aesKey;
    private final SecretKeySpec csrfKey;
    private final String cookieName;
    private final boolean secure;
    private final Cache<String, Session> opened = perSession();
    // A session's CSRF token is a function of its seed alone, and pages and changes ask for it on every request:
    // a Mac looked up and run each time was 2 % of web's CPU samples in the browse journey (an ad-hoc JFR reading).
    private final Cache<String, String> csrfTokens = perSession();

    Sessions(WebConfig config) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(config.sessionKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("scalecommerce.web.session-key must be base64 of 32 bytes", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    "scalecommerce.web.session-key must be base64 of 32 bytes, got " + key.length + " bytes");
        }
        this.aesKey = new SecretKeySpec(key, "AES");
        // A separate key for CSRF, so the two uses of the secret never share a key.
        this.csrfKey =
                new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "scalecommerce web csrf"), "HmacSHA256");
        this.secure = !config.insecureCookies();
        this.cookieName = secure ? "__Host-sc" : "sc";
    }

    // Caffeine's upkeep (eviction, expiry) runs on the calling thread, a few microseconds now and then: by default
    // it is handed to the common pool, which wakes a thread every few reads on the request path. The same holds for
    // web's other caches (TokenRefresher, SharedFragments) and platform-web's VerifiedTokens.
    private static <V> Cache<String, V> perSession() {
        return Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(OPENED_SESSIONS)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    public String cookieName() {
        return cookieName;
    }

    /** The browser's session, or empty when it has none or the cookie is not one we made (tampered, old key). */
    public Optional<Session> read(HttpHeaders headers) {
        String value = cookieValue(headers.getHeaderString(HttpHeaders.COOKIE), cookieName);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Session known = opened.getIfPresent(value);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            byte[] plain = open(value, cookieName);
            Payload p = JSON.readValue(plain, Payload.class);
            if (p.s() == null || p.s().isEmpty()) {
                return Optional.empty();
            }
            Session session = new Session(p.s(), p.c(), p.f(), p.a(), p.k());
            opened.put(value, session);
            return Optional.of(session);
        } catch (Exception e) {
            LOG.debugf("ignoring a session cookie that does not decrypt: %s", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The value of cookie {@code name} in a Cookie header ({@code a=1; b=2}), or null. Read directly because the
     * framework's parser splits every cookie of the header with a regular expression on each request, a few per
     * cent of web's CPU in the browse journey, and only one is wanted. Our values are base64url: never quoted,
     * never a comma, so a comma (several Cookie headers joined into one string) separates like a semicolon. The
     * session cookie is about 1.5 KB signed in: its end is found with {@link String#indexOf}, which the JDK
     * vectorises, not a character at a time (that loop was 4 % of web's CPU samples in the journey).
     */
    static String cookieValue(String header, String name) {
        if (header == null) {
            return null;
        }
        int length = header.length();
        for (int at = 0; at < length; ) {
            char c = header.charAt(at);
            if (c == ' ' || c == ';' || c == ',') {
                at++;
                continue;
            }
            int end = separatorFrom(header, at);
            int equals = at + name.length();
            if (equals < end && header.charAt(equals) == '=' && header.startsWith(name, at)) {
                return header.substring(equals + 1, end).strip();
            }
            at = end + 1;
        }
        return null;
    }

    /** Where the cookie starting at {@code from} ends: the next semicolon or comma, or the header's end. */
    private static int separatorFrom(String header, int from) {
        int semicolon = header.indexOf(';', from);
        int comma = header.indexOf(',', from);
        int end = semicolon < 0 ? comma : comma < 0 ? semicolon : Math.min(semicolon, comma);
        return end < 0 ? header.length() : end;
    }

    /** The browser's session, or a new empty one (not yet sent: see {@link #setCookie}). */
    public Session current(HttpHeaders headers) {
        return read(headers).orElseGet(Sessions::fresh);
    }

    public static Session fresh() {
        byte[] seed = new byte[24];
        RANDOM.nextBytes(seed);
        return new Session(B64.encodeToString(seed), null, null, null);
    }

    /** The Set-Cookie header value carrying this session. */
    public String setCookie(Session session) {
        String flash = session.flash();
        if (flash != null && flash.length() > MAX_FLASH) {
            flash = flash.substring(0, MAX_FLASH);
        }
        try {
            byte[] plain = JSON.writeValueAsBytes(
                    new Payload(session.seed(), session.cartToken(), flash, session.signIn(), session.checkout()));
            String value = seal(plain, cookieName);
            return cookieName + "=" + value + "; Path=/; Max-Age=" + MAX_AGE.toSeconds() + "; HttpOnly; SameSite=Lax"
                    + (secure ? "; Secure" : "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
    }

    /**
     * {@code plain} encrypted and authenticated with the session key (AES-256-GCM, a random nonce), bound to
     * {@code purpose} (associated data: a value sealed for one use does not open for another), as base64url.
     */
    public String seal(byte[] plain, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return B64.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a value", e);
        }
    }

    /** What {@link #seal} sealed for {@code purpose}; throws when it was not (tampered, another key or purpose). */
    public byte[] open(String sealedValue, String purpose) throws GeneralSecurityException {
        byte[] sealed;
        try {
            sealed = B64D.decode(sealedValue);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not base64url", e);
        }
        if (sealed.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    /** The Set-Cookie header value that deletes the session (sign-out ends more than the tokens: a fresh start). */
    public String clearCookie() {
        return cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The hidden {@code _csrf} value every POST form of this session carries. */
    public String csrfToken(Session session) {
        return csrfTokens.get(session.seed(), seed -> B64.encodeToString(hmac(csrfKey, "csrf:" + seed)));
    }

    /** A POST without this session's token is refused before anything changes: 403. */
    public void requireCsrf(Optional<Session> session, String token) {
        boolean valid = session.isPresent()
                && token != null
                && MessageDigest.isEqual(
                        csrfToken(session.get()).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw new ProblemException(
                    403,
                    "CSRF_TOKEN_INVALID",
                    "Please try again",
                    "This form has expired or did not come from this shop. Go back, reload the page and try again.");
        }
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Short field names: the cookie stays small. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(String s, String c, String f, Session.SignIn a, Session.CheckoutDraft k) {}
}
