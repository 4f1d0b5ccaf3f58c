package com.scalecommerce.orders.addressbook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The users service's address book, read with the customer's own token: users decides whose entry it is. */
@RegisterRestClient(configKey = "users")
@Path("/api/users/me/addresses")
interface AddressBookApi {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    AddressBook.Address get(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);
}
