package com.scalecommerce.web.admin.inventory;

import com.scalecommerce.web.admin.inventory.InventoryApi.Count;
import com.scalecommerce.web.admin.inventory.InventoryApi.LedgerPage;
import com.scalecommerce.web.admin.inventory.InventoryApi.Receipt;
import com.scalecommerce.web.admin.inventory.InventoryApi.StockLevel;
import com.scalecommerce.web.admin.inventory.InventoryApi.StockPage;
import com.scalecommerce.web.admin.inventory.InventoryApi.Threshold;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around products' inventory API. Every call: 10 s and a breaker of its own (on the class); reads
 * override that with 4 s and retry once. A receipt is never retried: products would count the delivery twice if
 * the first try landed and only its answer was lost. A correction and a threshold set an absolute value, but are
 * not retried either: the admin sees the outcome and can simply submit again.
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
public class InventoryCalls {

    private final InventoryApi inventory;

    InventoryCalls(@RestClient InventoryApi inventory) {
        this.inventory = inventory;
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public StockPage list(String bearer, String status, String skuPrefix, String cursor, int limit) {
        return inventory.list(bearer, status, skuPrefix, cursor, limit);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public StockLevel get(String bearer, String sku) {
        return inventory.get(bearer, sku);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public LedgerPage ledger(String bearer, String sku, int limit) {
        return inventory.ledger(bearer, sku, limit);
    }

    public StockLevel receive(String bearer, String sku, Receipt receipt) {
        return inventory.receive(bearer, sku, receipt);
    }

    public StockLevel correct(String bearer, String sku, Count count) {
        return inventory.correct(bearer, sku, count);
    }

    public StockLevel threshold(String bearer, String sku, Threshold threshold) {
        return inventory.threshold(bearer, sku, threshold);
    }
}
