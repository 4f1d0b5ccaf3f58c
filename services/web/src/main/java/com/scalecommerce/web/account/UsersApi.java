package com.scalecommerce.web.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Users' sign-in API: the web tier signs people in and keeps their tokens in the encrypted session cookie. */
@RegisterRestClient(configKey = "users")
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UsersApi {

    @POST
    @Path("/login")
    Tokens login(Login login);

    @POST
    @Path("/refresh")
    Tokens refresh(RefreshToken token);

    @POST
    @Path("/logout")
    void logout(@HeaderParam("Authorization") String bearer, RefreshToken token);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "That did not work. Please try again.");
    }

    record Login(String email, String password) {}

    record RefreshToken(@JsonProperty("refresh_token") String refreshToken) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tokens(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {}
}
