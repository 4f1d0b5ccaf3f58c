package com.scalecommerce.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Everything the users service can be told. Settings without a default are required: startup stops naming them. */
@ConfigMapping(prefix = "scalecommerce.users")
public interface UsersConfig {

    /** Where the storefront lives; mailed links point there. */
    @WithDefault("http://localhost:8080")
    URI webUrl();

    /**
     * The public base URL of this service, for the discovery document. When unset, it is taken from the
     * request (which honours X-Forwarded-* only when proxy forwarding is configured).
     */
    Optional<URI> publicUrl();

    Passwords passwords();

    Tokens tokens();

    SigningKeys signingKeys();

    Throttle throttle();

    BootstrapAdmin bootstrapAdmin();

    /** OAuth2 clients allowed to use client_credentials, by client id. */
    Map<String, Client> clients();

    interface Passwords {
        /** OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();

        /** Hashes computed at once; each holds memory-kib of RAM. Default: 2 x available processors. */
        OptionalInt maxConcurrentHashes();

        /** How long a request waits for a hashing slot before it is answered 503. */
        @WithDefault("PT2S")
        Duration hashingQueueTimeout();
    }

    interface Tokens {
        /** Capped at 15 minutes: access tokens cannot be recalled from other services. */
        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        @WithDefault("P14D")
        Duration refreshTokenLifetime();

        /** However often it is refreshed, a session ends this long after sign-in (ASVS 3.3: absolute timeout). */
        @WithDefault("P30D")
        Duration sessionMaxLifetime();

        @WithDefault("P2D")
        Duration emailVerificationLifetime();

        @WithDefault("PT30M")
        Duration passwordResetLifetime();
    }

    interface SigningKeys {
        /** Base64 of 32 random bytes: the AES-256 key that encrypts signing keys at rest. Required. */
        String encryptionKey();

        @WithDefault("P30D")
        Duration rotationPeriod();

        /**
         * A new key is published this long before it signs, so verifiers' cached key sets catch up: longer
         * than the other services' JWKS refresh interval (10 min, platform/web) plus our JWKS max-age.
         */
        @WithDefault("PT15M")
        Duration publishLead();

        /** How often each replica rereads the key ring (and rotates when due). */
        @WithDefault("PT30S")
        Duration reloadInterval();
    }

    interface Throttle {
        /** Failed logins for one account before each further failure adds a growing delay. */
        @WithDefault("5")
        int accountFreeFailures();

        @WithDefault("PT1S")
        Duration accountBaseDelay();

        @WithDefault("PT15M")
        Duration accountMaxDelay();

        /** Failures are forgotten this long after the first of them, so no one is locked out for good. */
        @WithDefault("PT1H")
        Duration accountWindow();

        @WithDefault("100")
        int ipMaxFailures();

        @WithDefault("PT15M")
        Duration ipWindow();

        /** Register and forgot-password requests one client address may make per window. */
        @WithDefault("30")
        int mailRequestsPerAddress();

        @WithDefault("PT15M")
        Duration mailRequestWindow();

        /** Mails (verification, reset, "someone tried to register") one recipient gets per window. */
        @WithDefault("5")
        int mailsPerRecipient();

        @WithDefault("PT1H")
        Duration mailWindow();
    }

    interface BootstrapAdmin {
        @WithDefault("admin@scalecommerce.local")
        String email();

        /** When unset, a password is generated and logged once at WARN. */
        Optional<String> password();
    }

    interface Client {
        String secret();

        Set<String> scopes();
    }
}
