package com.scalecommerce.orders.addressbook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AddressDto(
            UUID id,
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    AddressDto get(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);
}
