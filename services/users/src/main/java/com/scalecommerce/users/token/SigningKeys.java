package com.scalecommerce.users.token;

import com.scalecommerce.users.UsersConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates the first signing key, rotates keys, and keeps this replica's {@link KeyRing} in step with the
 * database. Rotation publishes the new key {@code publish-lead} before it signs (longer than the reload
 * interval, so every replica and every verifier's cached JWKS knows it first) and keeps the old key
 * published until the last token it signed has expired.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SigningKeyStore store;
    private final KeyEncryption encryption;
    private final KeyRing ring;
    private final UsersConfig config;

    SigningKeys(SigningKeyStore store, KeyEncryption encryption, KeyRing ring, UsersConfig config) {
        this.store = store;
        this.encryption = encryption;
        this.ring = ring;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        createFirstKeyIfNone();
        reload();
    }

    @Scheduled(
            every = "${scalecommerce.users.signing-keys.reload-interval:PT30S}",
            delayed = "${scalecommerce.users.signing-keys.reload-interval:PT30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunOnVirtualThread
    void maintain() {
        Instant newest = store.newestCreatedAt().orElse(Instant.EPOCH);
        if (newest.plus(config.signingKeys().rotationPeriod()).isBefore(Instant.now())) {
            rotateIfStillDue();
        }
        reload();
    }

    /** Starts a rotation now; returns the kid that will sign once the publish lead has passed. */
    public String rotate() {
        String kid = rotateLocked(false).orElseThrow();
        reload();
        return kid;
    }

    @Transactional
    void createFirstKeyIfNone() {
        store.lockForRotation();
        Instant now = Instant.now();
        boolean anySigner = store.published(now).stream()
                .anyMatch(k -> k.signsUntil() == null || k.signsUntil().isAfter(now));
        if (!anySigner) {
            String kid = insertNewKey(now);
            LOG.infof("Created the first signing key %s", kid);
        }
    }

    @Transactional
    void rotateIfStillDue() {
        rotateLocked(true);
    }

    @Transactional
    Optional<String> rotateLocked(boolean onlyIfDue) {
        store.lockForRotation();
        Instant now = Instant.now();
        // Another replica may have rotated while this one waited for the lock.
        if (onlyIfDue
                && store.newestCreatedAt()
                        .orElse(Instant.EPOCH)
                        .plus(config.signingKeys().rotationPeriod())
                        .isAfter(now)) {
            return Optional.empty();
        }
        Instant signsFrom = now.plus(config.signingKeys().publishLead());
        Instant publishedUntil =
                signsFrom.plus(config.tokens().accessTokenLifetime()).plus(CLOCK_SKEW);
        store.retireSigners(signsFrom, publishedUntil);
        String kid = insertNewKey(signsFrom);
        store.deleteUnpublishedBefore(now.minus(Duration.ofDays(1)));
        LOG.infof("Rotating signing keys: %s is published now and signs from %s", kid, signsFrom);
        return Optional.of(kid);
    }

    @Transactional
    void reload() {
        List<KeyRing.RingKey> keys =
                store.published(Instant.now()).stream().map(this::toRingKey).toList();
        ring.replace(keys);
    }

    private String insertNewKey(Instant signsFrom) {
        KeyPair pair = generateRsaKeyPair();
        String kid = UUID.randomUUID().toString();
        var sealed = encryption.seal(kid, pair.getPrivate().getEncoded());
        store.insert(kid, JwtSettings.ALGORITHM, pair.getPublic().getEncoded(), sealed, signsFrom);
        return kid;
    }

    private KeyRing.RingKey toRingKey(SigningKeyStore.StoredKey stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
            byte[] pkcs8 = encryption.open(stored.kid(), stored.nonce(), stored.ciphertext());
            var privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new KeyRing.RingKey(
                    stored.kid(),
                    publicKey,
                    privateKey,
                    stored.signsFrom(),
                    stored.signsUntil(),
                    stored.publishedUntil());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " is unreadable", e);
        }
    }

    private static KeyPair generateRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
