package com.scalecommerce.web.admin.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Products' admin inventory API: stock per SKU, its ledger, receipts, counted corrections, thresholds. */
@RegisterRestClient(configKey = "products-admin")
@Path("/api/admin/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface InventoryApi {

    @GET
    StockPage list(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("status") String status,
            @QueryParam("sku") String skuPrefix,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @GET
    @Path("/{sku}")
    StockLevel get(@HeaderParam("Authorization") String bearer, @PathParam("sku") String sku);

    @GET
    @Path("/{sku}/ledger")
    LedgerPage ledger(
            @HeaderParam("Authorization") String bearer, @PathParam("sku") String sku, @QueryParam("limit") int limit);

    @POST
    @Path("/{sku}/receipts")
    StockLevel receive(@HeaderParam("Authorization") String bearer, @PathParam("sku") String sku, Receipt receipt);

    @POST
    @Path("/{sku}/corrections")
    StockLevel correct(@HeaderParam("Authorization") String bearer, @PathParam("sku") String sku, Count count);

    @PUT
    @Path("/{sku}/threshold")
    StockLevel threshold(
            @HeaderParam("Authorization") String bearer, @PathParam("sku") String sku, Threshold threshold);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "The inventory did not accept that.");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockLevel(
            String sku,
            UUID variantId,
            UUID productId,
            String productName,
            int onHand,
            int reserved,
            int available,
            int lowStockThreshold,
            boolean lowStock,
            boolean outOfStock,
            Instant updatedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockPage(List<StockLevel> items, String nextCursor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LedgerEntry(
            long id,
            String sku,
            int deltaOnHand,
            int deltaReserved,
            String reason,
            String actor,
            String reference,
            String note,
            Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LedgerPage(List<LedgerEntry> items, String nextCursor) {}

    /** Goods arrived: products' StockReceipt. */
    record Receipt(Integer quantity, String reason, String reference) {}

    /** A counted quantity replacing on hand, with why: products' StockCount. */
    record Count(Integer onHand, String reason, String reference) {}

    record Threshold(Integer lowStockThreshold) {}
}
