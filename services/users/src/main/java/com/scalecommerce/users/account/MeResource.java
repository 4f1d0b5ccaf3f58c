package com.scalecommerce.users.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.scalecommerce.users.token.Sessions;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/users/me")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class MeResource {

    public record Me(
            UUID id,
            String email,
            @JsonProperty("email_verified") boolean emailVerified,
            String name,
            List<Role> roles) {}

    private final Sessions sessions;
    private final JsonWebToken jwt;

    MeResource(Sessions sessions, JsonWebToken jwt) {
        this.sessions = sessions;
        this.jwt = jwt;
    }

    @GET
    @Authenticated
    public Me me() {
        Account account = sessions.current(jwt).account();
        return new Me(
                account.id(),
                account.email(),
                account.emailVerified(),
                account.displayName(),
                account.roles().stream().sorted().toList());
    }
}
