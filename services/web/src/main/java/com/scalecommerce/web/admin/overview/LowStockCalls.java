package com.scalecommerce.web.admin.overview;

import com.scalecommerce.web.admin.overview.LowStockApi.StockPage;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A short timeout, one retry (a read) and a breaker around products' low-stock list. */
@ApplicationScoped
class LowStockCalls {

    private final LowStockApi products;

    LowStockCalls(@RestClient LowStockApi products) {
        this.products = products;
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    StockPage lowStock(String bearer, int limit) {
        return products.lowStock(bearer, "LOW_STOCK", limit);
    }
}
