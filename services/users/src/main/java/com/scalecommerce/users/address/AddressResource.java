package com.scalecommerce.users.address;

import com.scalecommerce.users.token.Sessions;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/users/me/addresses")
@RolesAllowed({"CUSTOMER", "ADMIN"})
@RunOnVirtualThread
public class AddressResource {

    private final AddressBook addresses;
    private final Sessions sessions;
    private final JsonWebToken caller;

    AddressResource(AddressBook addresses, Sessions sessions, JsonWebToken caller) {
        this.addresses = addresses;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    public List<Address> list() {
        return addresses.list(me());
    }

    @POST
    public Response add(@Valid @NotNull AddressInput input) {
        Address added = addresses.add(me(), input);
        return Response.created(URI.create("/api/users/me/addresses/" + added.id()))
                .entity(added)
                .build();
    }

    @GET
    @Path("/{id}")
    public Address get(@PathParam("id") UUID id) {
        return addresses.get(me(), id);
    }

    @PUT
    @Path("/{id}")
    public Address replace(@PathParam("id") UUID id, @Valid @NotNull AddressInput input) {
        return addresses.replace(me(), id, input);
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") UUID id) {
        addresses.remove(me(), id);
        return Response.noContent().build();
    }

    // Checked against what users knows now: a logged-out session or a disabled account is refused at once.
    private UUID me() {
        return sessions.current(caller).account().id();
    }
}
