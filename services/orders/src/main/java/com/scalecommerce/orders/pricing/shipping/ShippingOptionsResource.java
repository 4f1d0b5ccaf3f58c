package com.scalecommerce.orders.pricing.shipping;

import com.scalecommerce.orders.pricing.Fields;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Locale;

/**
 * Public: a shopper sees what shipping would cost before signing in. The cart summary comes in the query
 * (GET) or as a JSON body (POST); either way it only picks among the admin's prices, so it needs no trust.
 */
@Path("/api/checkout/shipping-options")
@RunOnVirtualThread
public class ShippingOptionsResource {

    private final ShippingRates rates;

    ShippingOptionsResource(ShippingRates rates) {
        this.rates = rates;
    }

    public record Request(String country, String region, String currency, Long subtotalMinor, Long weightGrams) {}

    public record Answer(String country, String region, String currency, List<ShippingOption> options) {}

    @GET
    public Answer query(
            @QueryParam("country") String country,
            @QueryParam("region") String region,
            @QueryParam("currency") String currency,
            @QueryParam("subtotalMinor") Long subtotalMinor,
            @QueryParam("weightGrams") Long weightGrams) {
        return answer(new Request(country, region, currency, subtotalMinor, weightGrams));
    }

    @POST
    public Answer body(Request request) {
        if (request == null) {
            throw ProblemException.badRequest("BODY_REQUIRED", "A JSON body is required.");
        }
        return answer(request);
    }

    private Answer answer(Request request) {
        String country = Fields.country(request.country());
        String region = Fields.region(request.region());
        String currency =
                request.currency() == null ? null : request.currency().trim().toUpperCase(Locale.ROOT);
        new Fields()
                .require(Fields.isCountry(country), "country", "must be an ISO 3166-1 alpha-2 code")
                .require(Fields.isCurrency(currency), "currency", "must be an ISO 4217 code")
                .require(
                        request.subtotalMinor() == null || request.subtotalMinor() >= 0,
                        "subtotalMinor",
                        "must not be negative")
                .require(
                        request.weightGrams() == null || request.weightGrams() >= 0,
                        "weightGrams",
                        "must not be negative")
                .throwIfAny();
        long weight = request.weightGrams() == null ? 0 : request.weightGrams();
        var options =
                rates.options(country, region, new ShippingRates.Parcel(currency, request.subtotalMinor(), weight));
        return new Answer(country, region, currency, options);
    }
}
