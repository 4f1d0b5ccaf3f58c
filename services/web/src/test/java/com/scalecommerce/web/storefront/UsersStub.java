package com.scalecommerce.web.storefront;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the users service with its real JSON shapes: the OAuth2 token answer (access_token, token_type,
 * expires_in, refresh_token) whose access token is a JWT carrying users' claims (sub, email, roles, exp), and
 * problem+json refusals.
 */
public class UsersStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("scalecommerce.users.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * A JWT with users' claims; the signature part is not a real one (the web tier reads, never verifies, tokens it
     * received from users itself).
     */
    public static String accessToken(String userId, String email, List<String> roles, long expiresInSeconds) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", "http://users.test");
        claims.put("sub", userId);
        claims.put("email", email);
        claims.put("roles", roles);
        claims.put("exp", Instant.now().getEpochSecond() + expiresInSeconds);
        var b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".c2lnbmF0dXJl";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> tokens(String accessToken, String refreshToken) {
        return Map.of(
                "access_token", accessToken, "token_type", "Bearer", "expires_in", 900, "refresh_token", refreshToken);
    }

    public static void stub(MappingBuilder request, int status, Object body) {
        try {
            server.stubFor(request.willReturn(aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", status < 400 ? "application/json" : "application/problem+json")
                    .withBody(body == null ? "" : JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> problem(int status, String code, String detail) {
        return Map.of("type", "about:blank", "status", status, "code", code, "title", code, "detail", detail);
    }
}
