package com.scalecommerce.orders.pricing.shipping;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Prices the shipping methods of the zone an address falls in, for one cart. */
@ApplicationScoped
public class ShippingRates {

    private static final Comparator<ShippingOption> CHEAPEST_FIRST = Comparator.comparingLong(
                    ShippingOption::priceMinor)
            .thenComparingInt(o -> o.deliveryEstimate().maxDays())
            .thenComparing(ShippingOption::name);

    private final AgroalDataSource db;

    ShippingRates(AgroalDataSource db) {
        this.db = db;
    }

    /** What the cart summary says about the parcel; a missing subtotal never earns free shipping. */
    public record Parcel(String currency, Long subtotalMinor, long weightGrams) {}

    /**
     * The active methods of the address's zone in the cart's currency, cheapest first. A region-specific
     * zone wins over a country-wide one; an address no zone covers gets no options.
     */
    public List<ShippingOption> options(String country, String region, Parcel parcel) {
        String sql = "select " + ShippingZoneStore.METHOD_COLUMNS + " from shipping_method"
                + " where active and currency = ? and zone_id = (select zone_id from shipping_zone_area"
                + " where country = ? and region in (?, '') order by region desc limit 1)";
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            query.setString(1, parcel.currency());
            query.setString(2, country);
            query.setString(3, region == null ? "" : region);
            var options = new ArrayList<ShippingOption>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var method = ShippingZoneStore.readMethod(rows);
                    method.priceFor(parcel.subtotalMinor(), parcel.weightGrams())
                            .ifPresent(price -> options.add(new ShippingOption(
                                    method.id(),
                                    method.name(),
                                    method.kind(),
                                    price,
                                    method.currency(),
                                    new ShippingOption.DeliveryEstimate(method.minDays(), method.maxDays()))));
                }
            }
            options.sort(CHEAPEST_FIRST);
            return options;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chosen method priced for this parcel, or SHIPPING_METHOD_UNAVAILABLE (422). */
    public ShippingOption option(UUID methodId, String country, String region, Parcel parcel) {
        return options(country, region, parcel).stream()
                .filter(o -> o.methodId().equals(methodId))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        422,
                        "SHIPPING_METHOD_UNAVAILABLE",
                        "Shipping method unavailable",
                        "This shipping method does not serve this address, currency or parcel weight."));
    }
}
