package com.scalecommerce.orders.pricing;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;

/**
 * Public price preview for the storefront and the web tier. It prices whatever lines it is given, so it
 * proves nothing about catalog prices: the cart and checkout call {@link QuoteCalculator} with prices read
 * from the products service.
 */
@Path("/api/checkout/quote")
@RunOnVirtualThread
public class QuoteResource {

    private final QuoteCalculator calculator;

    QuoteResource(QuoteCalculator calculator) {
        this.calculator = calculator;
    }

    public record Request(
            String currency,
            List<QuoteRequest.Line> lines,
            QuoteRequest.Destination destination,
            UUID shippingMethodId,
            String discountCode) {}

    @POST
    public Quote quote(Request request) {
        if (request == null) {
            throw ProblemException.badRequest("BODY_REQUIRED", "A JSON body is required.");
        }
        return calculator.quote(new QuoteRequest(
                request.currency(),
                request.lines(),
                request.destination(),
                request.shippingMethodId(),
                request.discountCode(),
                null));
    }
}
