package com.scalecommerce.web.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalecommerce.web.account.AccountModels.Address;
import com.scalecommerce.web.account.AccountModels.AddressInput;
import com.scalecommerce.web.account.AccountModels.PasswordChange;
import com.scalecommerce.web.account.AccountModels.Profile;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Users' API for the signed-in person's own account: the profile (a JSON merge patch edits it), the password and
 * the address book. Every call carries the person's {@code Authorization: Bearer …}.
 */
@RegisterRestClient(configKey = "users")
@RegisterClientHeaders(ForwardedFor.class)
@Path("/api/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MyAccountApi {

    String AUTHORIZATION = "Authorization";

    @GET
    Uni<Profile> profile(@HeaderParam(AUTHORIZATION) String bearer);

    /** Merge patch: a field left out keeps its value, an explicit null clears it (users accepts JSON as well). */
    @PATCH
    Profile updateProfile(@HeaderParam(AUTHORIZATION) String bearer, ObjectNode patch);

    @PUT
    @Path("/password")
    void changePassword(@HeaderParam(AUTHORIZATION) String bearer, PasswordChange change);

    @GET
    @Path("/addresses")
    List<Address> addresses(@HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("/addresses/{id}")
    Address address(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/addresses")
    Address addAddress(@HeaderParam(AUTHORIZATION) String bearer, AddressInput address);

    @PUT
    @Path("/addresses/{id}")
    Address replaceAddress(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, AddressInput address);

    @DELETE
    @Path("/addresses/{id}")
    void removeAddress(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "That did not work. Please try again.");
    }
}
