package com.scalecommerce.users.token;

import com.scalecommerce.users.UsersConfig;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** What other services need to verify our tokens: the discovery document and the public keys. */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    // Short, so verifiers notice a new key well within the publish lead of a rotation.
    private static final int JWKS_MAX_AGE_SECONDS = 60;

    private final KeyRing ring;
    private final JwtSettings jwt;
    private final UsersConfig config;

    WellKnownResource(KeyRing ring, JwtSettings jwt, UsersConfig config) {
        this.ring = ring;
        this.jwt = jwt;
        this.config = config;
    }

    @GET
    @Path("/jwks.json")
    @NonBlocking
    public Response jwks() {
        List<Map<String, Object>> keys =
                ring.published().stream().map(WellKnownResource::publicJwk).toList();
        var cache = new CacheControl();
        cache.setMaxAge(JWKS_MAX_AGE_SECONDS);
        return Response.ok(Map.of("keys", keys)).cacheControl(cache).build();
    }

    @GET
    @Path("/openid-configuration")
    @NonBlocking
    public Response discovery(@Context UriInfo uri) {
        String base = config.publicUrl()
                .map(URI::toString)
                .orElseGet(() -> uri.getBaseUri().toString())
                .replaceAll("/+$", "");
        var document = new LinkedHashMap<String, Object>();
        document.put("issuer", jwt.issuer());
        document.put("jwks_uri", base + "/.well-known/jwks.json");
        document.put("token_endpoint", base + "/api/auth/token");
        // People sign in and refresh at /api/auth/login and /api/auth/refresh; the token endpoint is for services.
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of(JwtSettings.ALGORITHM));
        document.put(
                "claims_supported",
                List.of("sub", "iss", "aud", "exp", "iat", "jti", "roles", "email", "email_verified", "scope", "sid"));
        var cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(document).cacheControl(cache).build();
    }

    private static Map<String, Object> publicJwk(KeyRing.RingKey key) {
        var jwk = new RsaJsonWebKey(key.publicKey());
        jwk.setKeyId(key.kid());
        jwk.setUse("sig");
        jwk.setAlgorithm(JwtSettings.ALGORITHM);
        return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
