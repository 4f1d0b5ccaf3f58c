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
 * The policy around orders' pricing settings API. Reads (at most 200 of each kind: a shop has a handful of zones,
 * rates and live codes) retry once; changes never (a create repeated after a lost answer would make two). A
 * {@link Refused} is orders' answer about the request: neither retried nor counted by a breaker.
 */
@ApplicationScoped
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
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Page<Zone> zones(String bearer) {
        return orders.zones(bearer, LIST_LIMIT);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Zone zone(String bearer, UUID id) {
        return orders.zone(bearer, id);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Page<TaxRate> taxRates(String bearer) {
        return orders.taxRates(bearer, LIST_LIMIT);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public TaxRate taxRate(String bearer, UUID id) {
        return orders.taxRate(bearer, id);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Page<Discount> discounts(String bearer) {
        return orders.discounts(bearer, LIST_LIMIT);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Discount discount(String bearer, UUID id) {
        return orders.discount(bearer, id);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Zone createZone(String bearer, ZoneInput zone) {
        return orders.createZone(bearer, zone);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Zone replaceZone(String bearer, UUID id, ZoneInput zone) {
        return orders.replaceZone(bearer, id, zone);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void deleteZone(String bearer, UUID id) {
        orders.deleteZone(bearer, id);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Method addMethod(String bearer, UUID zoneId, MethodInput method) {
        return orders.addMethod(bearer, zoneId, method);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Method replaceMethod(String bearer, UUID zoneId, UUID methodId, MethodInput method) {
        return orders.replaceMethod(bearer, zoneId, methodId, method);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void deleteMethod(String bearer, UUID zoneId, UUID methodId) {
        orders.deleteMethod(bearer, zoneId, methodId);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public TaxRate createTaxRate(String bearer, TaxRateInput rate) {
        return orders.createTaxRate(bearer, rate);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public TaxRate replaceTaxRate(String bearer, UUID id, TaxRateInput rate) {
        return orders.replaceTaxRate(bearer, id, rate);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void deleteTaxRate(String bearer, UUID id) {
        orders.deleteTaxRate(bearer, id);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Discount createDiscount(String bearer, DiscountInput discount) {
        return orders.createDiscount(bearer, discount);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Discount replaceDiscount(String bearer, UUID id, DiscountInput discount) {
        return orders.replaceDiscount(bearer, id, discount);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void deleteDiscount(String bearer, UUID id) {
        orders.deleteDiscount(bearer, id);
    }
}
