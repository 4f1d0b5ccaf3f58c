package com.scalecommerce.web.admin.forms;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.http.Refused;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Separates a service's answer from its absence for admin pages. A {@link Refused} (the service's 4xx about the
 * request) passes through for the form to show; a timeout, a 5xx or an open circuit breaker becomes the friendly
 * 503 page with Retry-After. Called outside the fault-tolerance methods, so their breakers still count the
 * failure before it is turned into a page.
 */
public final class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private ServiceCalls() {}

    public static <T> T answered(Supplier<T> call, String code, String whenDown, int retryAfterSeconds) {
        try {
            return call.get();
        } catch (Refused | ProblemException e) {
            throw e;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() / 100 == 3) {
                throw e;
            }
            throw down(e, code, whenDown, retryAfterSeconds);
        } catch (RuntimeException e) {
            throw down(e, code, whenDown, retryAfterSeconds);
        }
    }

    /** A page's own read: "not found" is the 404 page, any other refusal the error page with its status. */
    public static <T> T page(Supplier<T> call, String code, String whenDown, int retryAfterSeconds) {
        try {
            return answered(call, code, whenDown, retryAfterSeconds);
        } catch (Refused e) {
            if (e.status() == 404) {
                throw ProblemException.notFound("NOT_FOUND", "We could not find that page.");
            }
            throw new ProblemException(e.status(), e.code() == null ? "REFUSED" : e.code(), "Refused", e.message());
        }
    }

    private static ProblemException down(RuntimeException e, String code, String whenDown, int retryAfterSeconds) {
        LOG.debugf(e, "%s: %s", code, whenDown);
        return ProblemException.unavailable(code, whenDown, retryAfterSeconds);
    }
}
