package com.scalecommerce.orders.pricing.discount;

import com.scalecommerce.platform.events.Outbox;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies discount codes. {@link #validate} answers the cart view without using the code up; {@link #redeem}
 * uses it inside the checkout's transaction; {@link #release} gives the usage back when an order fails.
 *
 * <p>Limits hold under any concurrency because {@code redeem} locks the discount row first: redemptions of one
 * code run one after another, so the per-customer count and the total count are both read under the lock,
 * and the conditional {@code used < usage_limit} update plus the table's check constraint back it up.
 */
@ApplicationScoped
public class Discounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AgroalDataSource db;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    Discounts(AgroalDataSource db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    record DiscountRedeemed(UUID discountId, String code, UUID orderId, long amountMinor, String currency) {}

    record DiscountReleased(UUID discountId, String code, UUID orderId) {}

    /** What the code would take off this cart now, or a 422 problem saying why it does not apply. */
    public AppliedDiscount validate(String code, DiscountCustomer customer, long subtotalMinor, String currency) {
        try (var connection = db.getConnection()) {
            Discount discount = find(connection, code, false).orElseThrow(Discounts::notFound);
            AppliedDiscount applied = apply(discount, subtotalMinor, currency);
            if (discount.usageLimit() != null && discount.used() >= discount.usageLimit()) {
                throw usedUp();
            }
            if (customer != null && discount.perCustomerLimit() != null) {
                if (redemptionsBy(connection, discount.id(), customer) >= discount.perCustomerLimit()) {
                    throw customerLimitReached();
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Uses the code for one order, in the caller's transaction: if the order does not commit, neither does the
     * usage. Redeeming again for the same order returns the first redemption (a retried checkout step). A
     * refusal (a 422 problem) is thrown before anything is written and does not doom the caller's transaction,
     * so checkout may decide to go on without the code.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public AppliedDiscount redeem(
            String code, DiscountCustomer customer, UUID orderId, long subtotalMinor, String currency) {
        try (var connection = db.getConnection()) {
            Discount discount = find(connection, code, true).orElseThrow(Discounts::notFound);
            Optional<AppliedDiscount> earlier = redemptionOf(connection, discount, orderId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            AppliedDiscount applied = apply(discount, subtotalMinor, currency);
            if (discount.perCustomerLimit() != null
                    && redemptionsBy(connection, discount.id(), customer) >= discount.perCustomerLimit()) {
                throw customerLimitReached();
            }
            try (var use = connection.prepareStatement("update discount set used = used + 1"
                    + " where id = ? and (usage_limit is null or used < usage_limit)")) {
                use.setObject(1, discount.id());
                if (use.executeUpdate() == 0) {
                    throw usedUp();
                }
            }
            try (var insert = connection.prepareStatement("insert into discount_redemption (discount_id, order_id,"
                    + " customer_key, amount_minor, currency) values (?, ?, ?, ?, ?)")) {
                insert.setObject(1, discount.id());
                insert.setObject(2, orderId);
                insert.setString(3, customer.key());
                insert.setLong(4, applied.amountMinor());
                insert.setString(5, applied.currency());
                insert.executeUpdate();
            }
            outbox.append(
                    "discount.redeemed",
                    orderId.toString(),
                    new DiscountRedeemed(
                            discount.id(), discount.code(), orderId, applied.amountMinor(), applied.currency()));
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives back the usage an order took; safe to call again or for an order that used no code. */
    @Transactional
    public int release(UUID orderId) {
        try (var connection = db.getConnection()) {
            int released = 0;
            try (var delete = connection.prepareStatement("delete from discount_redemption where order_id = ?"
                    + " returning discount_id, (select code from discount d where d.id = discount_id)")) {
                delete.setObject(1, orderId);
                try (var rows = delete.executeQuery();
                        var giveBack = connection.prepareStatement(
                                "update discount set used = used - 1 where id = ? and used > 0")) {
                    while (rows.next()) {
                        UUID discountId = rows.getObject(1, UUID.class);
                        giveBack.setObject(1, discountId);
                        giveBack.executeUpdate();
                        outbox.append(
                                "discount.released",
                                orderId.toString(),
                                new DiscountReleased(discountId, rows.getString(2), orderId));
                        released++;
                    }
                }
            }
            return released;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private AppliedDiscount apply(Discount discount, long subtotalMinor, String currency) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!discount.active()) {
            throw notFound();
        }
        if (discount.startsAt() != null && now.isBefore(discount.startsAt())) {
            throw rejected("DISCOUNT_NOT_STARTED", "This code is not valid yet.");
        }
        if (discount.endsAt() != null && !now.isBefore(discount.endsAt())) {
            throw rejected("DISCOUNT_EXPIRED", "This code has expired.");
        }
        if (discount.currency() != null && !discount.currency().equals(currency)) {
            throw rejected(
                    "DISCOUNT_CURRENCY_MISMATCH", "This code applies only to " + discount.currency() + " carts.");
        }
        if (discount.minSubtotalMinor() != null && subtotalMinor < discount.minSubtotalMinor()) {
            throw rejected(
                    "DISCOUNT_MIN_SUBTOTAL",
                    "This code needs a subtotal of at least " + discount.minSubtotalMinor() + " (minor units).");
        }
        long amount = "FIXED".equals(discount.kind())
                ? discount.amountOffMinor()
                : BigDecimal.valueOf(subtotalMinor)
                        .multiply(discount.percentOff())
                        .divide(HUNDRED, 0, RoundingMode.HALF_UP)
                        .longValueExact();
        return new AppliedDiscount(
                discount.id(), discount.code(), discount.kind(), Math.min(amount, subtotalMinor), currency);
    }

    private static Optional<Discount> find(Connection connection, String code, boolean lock) throws SQLException {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try (var query = connection.prepareStatement("select " + DiscountRows.COLUMNS
                + " from discount where lower(code) = lower(?)" + (lock ? " for update" : ""))) {
            query.setString(1, code.trim());
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(DiscountRows.read(rows)) : Optional.empty();
            }
        }
    }

    private static Optional<AppliedDiscount> redemptionOf(Connection connection, Discount discount, UUID orderId)
            throws SQLException {
        try (var query = connection.prepareStatement(
                "select amount_minor, currency from discount_redemption" + " where discount_id = ? and order_id = ?")) {
            query.setObject(1, discount.id());
            query.setObject(2, orderId);
            try (var rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new AppliedDiscount(
                                discount.id(), discount.code(), discount.kind(), rows.getLong(1), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private static int redemptionsBy(Connection connection, UUID discountId, DiscountCustomer customer)
            throws SQLException {
        try (var query = connection.prepareStatement(
                "select count(*) from discount_redemption where discount_id = ? and customer_key = ?")) {
            query.setObject(1, discountId);
            query.setString(2, customer.key());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static ProblemException rejected(String code, String detail) {
        return new ProblemException(422, code, "Discount code not applicable", detail);
    }

    private static ProblemException notFound() {
        return rejected("DISCOUNT_NOT_FOUND", "No active discount has this code.");
    }

    private static ProblemException usedUp() {
        return rejected("DISCOUNT_USED_UP", "This code has reached its usage limit.");
    }

    private static ProblemException customerLimitReached() {
        return rejected("DISCOUNT_CUSTOMER_LIMIT", "You have already used this code as often as it allows.");
    }
}
