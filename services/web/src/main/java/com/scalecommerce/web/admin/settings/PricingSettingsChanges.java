package com.scalecommerce.web.admin.settings;

import com.scalecommerce.web.admin.AdminChanges;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Discount;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.DiscountInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Method;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.MethodInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRate;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRateInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Zone;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.ZoneInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Orders' pricing settings API, changed: the admin's change policy, {@link AdminChanges}, so never retried (a
 * create repeated after a lost answer would make two).
 */
@ApplicationScoped
public class PricingSettingsChanges extends AdminChanges {

    private final PricingSettingsApi orders;

    PricingSettingsChanges(@RestClient PricingSettingsApi orders) {
        this.orders = orders;
    }

    public Zone createZone(String bearer, ZoneInput zone) {
        return orders.createZone(bearer, zone);
    }

    public Zone replaceZone(String bearer, UUID id, ZoneInput zone) {
        return orders.replaceZone(bearer, id, zone);
    }

    public void deleteZone(String bearer, UUID id) {
        orders.deleteZone(bearer, id);
    }

    public Method addMethod(String bearer, UUID zoneId, MethodInput method) {
        return orders.addMethod(bearer, zoneId, method);
    }

    public Method replaceMethod(String bearer, UUID zoneId, UUID methodId, MethodInput method) {
        return orders.replaceMethod(bearer, zoneId, methodId, method);
    }

    public void deleteMethod(String bearer, UUID zoneId, UUID methodId) {
        orders.deleteMethod(bearer, zoneId, methodId);
    }

    public TaxRate createTaxRate(String bearer, TaxRateInput rate) {
        return orders.createTaxRate(bearer, rate);
    }

    public TaxRate replaceTaxRate(String bearer, UUID id, TaxRateInput rate) {
        return orders.replaceTaxRate(bearer, id, rate);
    }

    public void deleteTaxRate(String bearer, UUID id) {
        orders.deleteTaxRate(bearer, id);
    }

    public Discount createDiscount(String bearer, DiscountInput discount) {
        return orders.createDiscount(bearer, discount);
    }

    public Discount replaceDiscount(String bearer, UUID id, DiscountInput discount) {
        return orders.replaceDiscount(bearer, id, discount);
    }

    public void deleteDiscount(String bearer, UUID id) {
        orders.deleteDiscount(bearer, id);
    }
}
