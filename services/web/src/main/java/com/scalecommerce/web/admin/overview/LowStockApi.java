package com.scalecommerce.web.admin.overview;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Products' stock levels for administrators, filtered to SKUs at or under their low-stock threshold. The overview
 * reads the alerts here, from the owner of the stock, rather than from analytics: they stay right (and shown)
 * when analytics lags or is down.
 */
@RegisterRestClient(configKey = "products")
@Path("/api/admin/inventory")
@Produces(MediaType.APPLICATION_JSON)
interface LowStockApi {

    @GET
    StockPage lowStock(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("status") String status,
            @QueryParam("limit") int limit);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "Products refused the stock list.");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockPage(List<StockLevel> items, String nextCursor) {}

    /** Products' StockLevel: {@code lowStock} is available <= threshold, out of stock included. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockLevel(
            String sku,
            String productName,
            int onHand,
            int reserved,
            int available,
            int lowStockThreshold,
            boolean outOfStock) {}
}
