package com.scalecommerce.web.admin.settings;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Discount;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Page;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRate;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Zone;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Orders' pricing settings API, read: the admin's read policy, {@link AdminReads}. At most 200 of each kind: a
 * shop has a handful of zones, rates and live codes.
 */
@ApplicationScoped
public class PricingSettingsReads extends AdminReads {

    static final int LIST_LIMIT = 200;

    private final PricingSettingsApi orders;

    PricingSettingsReads(@RestClient PricingSettingsApi orders) {
        this.orders = orders;
    }

    public Page<Zone> zones(String bearer) {
        return orders.zones(bearer, LIST_LIMIT);
    }

    public Zone zone(String bearer, UUID id) {
        return orders.zone(bearer, id);
    }

    public Page<TaxRate> taxRates(String bearer) {
        return orders.taxRates(bearer, LIST_LIMIT);
    }

    public TaxRate taxRate(String bearer, UUID id) {
        return orders.taxRate(bearer, id);
    }

    public Page<Discount> discounts(String bearer) {
        return orders.discounts(bearer, LIST_LIMIT);
    }

    public Discount discount(String bearer, UUID id) {
        return orders.discount(bearer, id);
    }
}
