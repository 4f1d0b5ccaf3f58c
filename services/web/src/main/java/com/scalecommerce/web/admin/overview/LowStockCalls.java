package com.scalecommerce.web.admin.overview;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.overview.LowStockApi.StockPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Products' low-stock list for the overview: the admin's read policy, {@link AdminReads}, but 1.5 s. */
@ApplicationScoped
@Timeout(value = 1500, unit = ChronoUnit.MILLIS)
class LowStockCalls extends AdminReads {

    private final LowStockApi products;

    LowStockCalls(@RestClient LowStockApi products) {
        this.products = products;
    }

    StockPage lowStock(String bearer, int limit) {
        return products.lowStock(bearer, "LOW_STOCK", limit);
    }
}
