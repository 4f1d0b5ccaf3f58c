package com.scalecommerce.orders.pricing.tax;

import com.scalecommerce.orders.pricing.Fields;
import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/api/admin/tax-rates")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminTaxRatesResource {

    private final TaxRateStore rates;

    AdminTaxRatesResource(TaxRateStore rates) {
        this.rates = rates;
    }

    @GET
    public Page<TaxRate> list(
            @QueryParam("country") String country,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return rates.list(Fields.country(country), CreatedCursor.decode(cursor), Page.size(limit, 50, 200));
    }

    @POST
    public Response create(TaxRateInput input) {
        TaxRate rate = rates.create(required(input).normalized());
        return Response.created(URI.create("/api/admin/tax-rates/" + rate.id()))
                .entity(rate)
                .build();
    }

    @GET
    @Path("/{id}")
    public TaxRate get(@PathParam("id") UUID id) {
        return rates.get(id);
    }

    @PUT
    @Path("/{id}")
    public TaxRate replace(@PathParam("id") UUID id, TaxRateInput input) {
        return rates.replace(id, required(input).normalized());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        rates.delete(id);
        return Response.noContent().build();
    }

    private static TaxRateInput required(TaxRateInput body) {
        if (body == null) {
            throw ProblemException.badRequest("BODY_REQUIRED", "A JSON body is required.");
        }
        return body;
    }
}
