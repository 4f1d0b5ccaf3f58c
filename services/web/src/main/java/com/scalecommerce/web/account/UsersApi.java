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
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Users' public auth API: sign-in (the web tier keeps the tokens in the encrypted session cookie), registration,
 * email verification and password recovery.
 */
@RegisterRestClient(configKey = "users")
@RegisterClientHeaders(ForwardedFor.class)
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

    /** 202 with the same words for a new and a taken address (users tells the owner of a taken one by mail). */
    @POST
    @Path("/register")
    Accepted register(Registration registration);

    /** 204; a used, expired or unknown token is a 400 INVALID_TOKEN. */
    @POST
    @Path("/email/verify")
    void verifyEmail(Token token);

    /** 202 whether or not the address has an account. */
    @POST
    @Path("/password/forgot")
    Accepted forgotPassword(Email email);

    /** 204; ends every session of the account. */
    @POST
    @Path("/password/reset")
    void resetPassword(PasswordReset reset);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "That did not work. Please try again.");
    }

    record Login(String email, String password) {}

    record Registration(String email, String password, String name) {}

    record Token(String token) {}

    record Email(String email) {}

    record PasswordReset(String token, String password) {}

    /** Users' answer to a registration or a reset request: {@code status} and a sentence for the person. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Accepted(String status, String message) {}

    record RefreshToken(@JsonProperty("refresh_token") String refreshToken) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tokens(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {}
}
