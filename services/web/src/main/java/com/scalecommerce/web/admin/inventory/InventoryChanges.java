package com.scalecommerce.web.admin.inventory;

import com.scalecommerce.web.admin.AdminChanges;
import com.scalecommerce.web.admin.inventory.InventoryApi.Count;
import com.scalecommerce.web.admin.inventory.InventoryApi.Receipt;
import com.scalecommerce.web.admin.inventory.InventoryApi.StockLevel;
import com.scalecommerce.web.admin.inventory.InventoryApi.Threshold;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Products' inventory API, changed: the admin's change policy, {@link AdminChanges}, so never retried. A receipt
 * repeated after a lost answer would count the delivery twice. A correction and a threshold set an absolute value,
 * but are not retried either: the admin sees the outcome and can simply submit again.
 */
@ApplicationScoped
public class InventoryChanges extends AdminChanges {

    private final InventoryApi inventory;

    InventoryChanges(@RestClient InventoryApi inventory) {
        this.inventory = inventory;
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
