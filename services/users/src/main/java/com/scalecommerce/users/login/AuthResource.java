package com.scalecommerce.users.login;

import com.scalecommerce.users.throttle.ClientAddress;
import com.scalecommerce.users.token.Sessions;
import com.scalecommerce.users.token.TokenResponse;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Sign-in, token refresh and sign-out for people. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class AuthResource {

    public record LoginRequest(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Size(max = 1024) String password) {}

    public record RefreshRequest(
            @com.fasterxml.jackson.annotation.JsonProperty("refresh_token") @NotBlank @Size(max = 200)
            String refreshToken) {}

    private final Login login;
    private final Sessions sessions;
    private final SecurityIdentity identity;

    AuthResource(Login login, Sessions sessions, SecurityIdentity identity) {
        this.login = login;
        this.sessions = sessions;
        this.identity = identity;
    }

    @POST
    @Path("/login")
    public Response login(@NotNull @Valid LoginRequest request, @Context HttpServerRequest http) {
        return tokens(login.login(request.email(), request.password(), ClientAddress.of(http)));
    }

    @POST
    @Path("/refresh")
    public Response refresh(@NotNull @Valid RefreshRequest request) {
        return tokens(sessions.refresh(request.refreshToken()));
    }

    /** Ends the refresh token's session and, when the caller sent its access token, that token's session too. */
    @POST
    @Path("/logout")
    public Response logout(@NotNull @Valid RefreshRequest request) {
        sessions.end(request.refreshToken());
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            sessions.endSessionOf(jwt);
        }
        return Response.noContent().build();
    }

    static Response tokens(TokenResponse body) {
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body)
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .build();
    }
}
