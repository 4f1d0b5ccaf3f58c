package com.scalecommerce.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The services verify access tokens through the cache: the alternative is the factory smallrye-jwt's parser gets.
 * VerifiedTokensTest covers what the cache keeps; this fails if the wiring is lost and every call verifies again.
 */
@QuarkusTest
class CachingTokenVerifierTest {

    @Inject
    JWTCallerPrincipalFactory factory;

    @Test
    void isTheTokenVerifierOfAService() {
        assertThat(ClientProxy.unwrap(factory)).isInstanceOf(CachingTokenVerifier.class);
    }
}
