package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.web.paging.Page;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/admin/inventory")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminInventoryResource {

    private final StockAdministration stock;
    private final JsonWebToken caller;

    AdminInventoryResource(StockAdministration stock, JsonWebToken caller) {
        this.stock = stock;
        this.caller = caller;
    }

    @GET
    public Page<StockLevel> list(
            @QueryParam("status")
                    @Pattern(
                            regexp = "ALL|IN_STOCK|LOW_STOCK|OUT_OF_STOCK",
                            message = "must be ALL, IN_STOCK, LOW_STOCK or OUT_OF_STOCK")
                    @DefaultValue("ALL")
                    String status,
            @QueryParam("sku") String skuPrefix,
            @QueryParam("productId") UUID productId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return stock.list(StockAdministration.Filter.valueOf(status), skuPrefix, productId, cursor, limit);
    }

    /** SKUs whose stock disagrees with the ledger or the open reservations; empty when all is well. */
    @GET
    @Path("/reconciliation")
    public List<Discrepancy> reconciliation() {
        return stock.discrepancies();
    }

    @GET
    @Path("/{sku}")
    public StockLevel get(@PathParam("sku") String sku) {
        return stock.get(sku);
    }

    @GET
    @Path("/{sku}/ledger")
    public LedgerEntry.Page ledger(
            @PathParam("sku") String sku,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return stock.ledger(sku, cursor, limit);
    }

    @POST
    @Path("/{sku}/receipts")
    public StockLevel receive(@PathParam("sku") String sku, @Valid @NotNull StockReceipt receipt) {
        return stock.receive(actor(), sku, receipt);
    }

    @POST
    @Path("/{sku}/corrections")
    public StockLevel correct(@PathParam("sku") String sku, @Valid @NotNull StockCount count) {
        return stock.correct(actor(), sku, count);
    }

    @PUT
    @Path("/{sku}/threshold")
    public StockLevel changeThreshold(@PathParam("sku") String sku, @Valid @NotNull ThresholdChange change) {
        return stock.changeThreshold(sku, change.lowStockThreshold());
    }

    private String actor() {
        return "admin:" + caller.getSubject();
    }
}
