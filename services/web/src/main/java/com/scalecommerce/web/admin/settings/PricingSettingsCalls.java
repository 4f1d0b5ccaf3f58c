package com.scalecommerce.web.admin.settings;

import com.scalecommerce.web.admin.settings.PricingSettingsApi.Discount;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.DiscountInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Method;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.MethodInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Page;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRate;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRateInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Zone;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.ZoneInput;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around orders' pricing settings API. Every call: 10 s and a breaker of its own (on the class). Reads
 * (at most 200 of each kind: a shop has a handful of zones, rates and live codes) override that with 4 s and retry
 * once; changes never (a create repeated after a lost answer would make two). A {@link Refused} is orders' answer
 * about the request: neither retried nor counted by a breaker.
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
public class PricingSettingsCalls {

    static final int LIST_LIMIT = 200;

    private final PricingSettingsApi orders;

    PricingSettingsCalls(@RestClient PricingSettingsApi orders) {
        this.orders = orders;
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Page<Zone> zones(String bearer) {
        return orders.zones(bearer, LIST_LIMIT);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Zone zone(String bearer, UUID id) {
        return orders.zone(bearer, id);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Page<TaxRate> taxRates(String bearer) {
        return orders.taxRates(bearer, LIST_LIMIT);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public TaxRate taxRate(String bearer, UUID id) {
        return orders.taxRate(bearer, id);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Page<Discount> discounts(String bearer) {
        return orders.discounts(bearer, LIST_LIMIT);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Discount discount(String bearer, UUID id) {
        return orders.discount(bearer, id);
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
