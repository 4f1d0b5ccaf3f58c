package com.scalecommerce.orders.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.scalecommerce.orders.inventory.StockReservations;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.requestid.RequestIds;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * An RFC 9457 problem with the checkout's extension members: the order it concerns (so a declined shopper can see
 * it), the card's decline code, and per-SKU shortages. Stored as the idempotent answer, so built here rather than
 * by an exception mapper.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckoutProblem(
        URI type,
        String title,
        int status,
        String detail,
        String code,
        String requestId,
        UUID orderId,
        String declineCode,
        List<StockReservations.Shortage> shortages) {

    static CheckoutProblem of(int status, String code, String title, String detail) {
        return new CheckoutProblem(
                Problem.typeFor(code), title, status, detail, code, RequestIds.current(), null, null, null);
    }

    CheckoutProblem forOrder(UUID id) {
        return new CheckoutProblem(type, title, status, detail, code, requestId, id, declineCode, shortages);
    }

    CheckoutProblem declined(String decline) {
        return new CheckoutProblem(type, title, status, detail, code, requestId, orderId, decline, shortages);
    }

    CheckoutProblem lacking(List<StockReservations.Shortage> missing) {
        return new CheckoutProblem(type, title, status, detail, code, requestId, orderId, declineCode, missing);
    }
}
