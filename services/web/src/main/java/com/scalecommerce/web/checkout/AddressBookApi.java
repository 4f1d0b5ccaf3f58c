package com.scalecommerce.web.checkout;

import com.scalecommerce.web.checkout.CheckoutModels.BookAddress;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Users' address book of the signed-in customer: the addresses checkout offers to ship to. */
@RegisterRestClient(configKey = "users")
@Path("/api/users/me/addresses")
@Produces(MediaType.APPLICATION_JSON)
interface AddressBookApi {

    @GET
    List<BookAddress> addresses(@HeaderParam("Authorization") String bearer);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "Your address book could not be read.");
    }
}
