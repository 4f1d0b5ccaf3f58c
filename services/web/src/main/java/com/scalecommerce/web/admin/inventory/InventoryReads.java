package com.scalecommerce.web.admin.inventory;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.inventory.InventoryApi.LedgerPage;
import com.scalecommerce.web.admin.inventory.InventoryApi.StockLevel;
import com.scalecommerce.web.admin.inventory.InventoryApi.StockPage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Products' inventory API, read: the admin's read policy, {@link AdminReads}. */
@ApplicationScoped
public class InventoryReads extends AdminReads {

    private final InventoryApi inventory;

    InventoryReads(@RestClient InventoryApi inventory) {
        this.inventory = inventory;
    }

    public StockPage list(String bearer, String status, String skuPrefix, String cursor, int limit) {
        return inventory.list(bearer, status, skuPrefix, cursor, limit);
    }

    public StockLevel get(String bearer, String sku) {
        return inventory.get(bearer, sku);
    }

    public LedgerPage ledger(String bearer, String sku, int limit) {
        return inventory.ledger(bearer, sku, limit);
    }
}
