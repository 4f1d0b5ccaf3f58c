package com.scalecommerce.orders.pricing.discount;

import com.scalecommerce.orders.pricing.Fields;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

final class DiscountRows {

    static final String COLUMNS = "id, code, kind, percent_off, amount_off_minor, currency, min_subtotal_minor,"
            + " starts_at, ends_at, usage_limit, per_customer_limit, used, active, created_at, updated_at";

    private DiscountRows() {}

    static Discount read(ResultSet rows) throws SQLException {
        return new Discount(
                rows.getObject("id", UUID.class),
                rows.getString("code"),
                rows.getString("kind"),
                Fields.plain(rows.getBigDecimal("percent_off")),
                rows.getObject("amount_off_minor", Long.class),
                rows.getString("currency"),
                rows.getObject("min_subtotal_minor", Long.class),
                rows.getObject("starts_at", OffsetDateTime.class),
                rows.getObject("ends_at", OffsetDateTime.class),
                rows.getObject("usage_limit", Integer.class),
                rows.getObject("per_customer_limit", Integer.class),
                rows.getInt("used"),
                rows.getBoolean("active"),
                rows.getObject("created_at", OffsetDateTime.class),
                rows.getObject("updated_at", OffsetDateTime.class));
    }
}
