package com.scalecommerce.web.checkout;

import com.scalecommerce.web.checkout.CheckoutModels.CheckoutProblem;
import com.scalecommerce.web.checkout.CheckoutModels.Shortage;
import com.scalecommerce.web.http.Refused;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * A service answered a checkout call with a 4xx problem: orders' checkout extensions kept (the failed order, the
 * card's decline code, per-SKU shortages) so each outcome can be shown where it belongs.
 */
class CheckoutRefused extends Refused {

    private final UUID orderId;
    private final String declineCode;
    private final List<Shortage> shortages;

    CheckoutRefused(int status, CheckoutProblem problem, String fallback) {
        super(
                status,
                problem == null ? null : problem.code(),
                problem == null || problem.detail() == null ? fallback : problem.detail(),
                problem == null ? null : problem.errors());
        this.orderId = problem == null ? null : problem.orderId();
        this.declineCode = problem == null ? null : problem.declineCode();
        this.shortages = problem == null || problem.shortages() == null ? List.of() : problem.shortages();
    }

    UUID orderId() {
        return orderId;
    }

    String declineCode() {
        return declineCode;
    }

    List<Shortage> shortages() {
        return shortages;
    }

    /**
     * For a {@code @ClientExceptionMapper}: 4xx → this; orders' deliberate 503 (payment gateway or products away,
     * nothing charged) → {@link CheckoutUnavailable} with its Retry-After; anything else → null (the default).
     */
    static RuntimeException fromAnswer(Response response, String fallback) {
        int status = response.getStatus();
        if (status == 503) {
            CheckoutProblem problem = read(response);
            return new CheckoutUnavailable(
                    problem == null ? null : problem.detail(), retryAfter(response.getHeaderString("Retry-After")));
        }
        if (status < 400 || status >= 500) {
            return null;
        }
        return new CheckoutRefused(status, read(response), fallback);
    }

    private static CheckoutProblem read(Response response) {
        try {
            return response.readEntity(CheckoutProblem.class);
        } catch (RuntimeException e) {
            // Not problem+json: the fallback message.
            return null;
        }
    }

    private static Long retryAfter(String header) {
        try {
            return header == null ? null : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
