package com.scalecommerce.orders.pricing.discount;

import static com.scalecommerce.orders.pricing.PricingFixture.discount;
import static com.scalecommerce.orders.pricing.PricingFixture.newCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class DiscountRedemptionTest {

    @Inject
    Discounts discounts;

    @Inject
    AgroalDataSource db;

    private static String code(Map<String, Object> limits) {
        String code = newCode("USE");
        var body = new HashMap<String, Object>(limits);
        body.put("code", code);
        body.put("kind", "FIXED");
        body.put("amountOffMinor", 500);
        body.put("currency", "USD");
        discount(body);
        return code;
    }

    private long scalar(String sql, Object... args) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long used(String code) throws SQLException {
        return scalar("select used from discount where lower(code) = lower(?)", code);
    }

    private long redemptions(String code) throws SQLException {
        return scalar(
                "select count(*) from discount_redemption r join discount d on d.id = r.discount_id"
                        + " where lower(d.code) = lower(?)",
                code);
    }

    private List<String> raceRedemptions(int callers, Callable<Void> redeem) throws Exception {
        var start = new CountDownLatch(1);
        var outcomes = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        redeem.call();
                        return "REDEEMED";
                    } catch (ProblemException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            for (var future : futures) {
                outcomes.add(future.get());
            }
        }
        return outcomes;
    }

    @Test
    void fiftyConcurrentRedemptionsOfACodeLimitedToTenRedeemExactlyTen() throws Exception {
        String code = code(Map.of("usageLimit", 10));

        var outcomes = raceRedemptions(50, () -> {
            discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 2000, "USD");
            return null;
        });

        assertThat(outcomes.stream().filter("REDEEMED"::equals)).hasSize(10);
        assertThat(outcomes.stream().filter("DISCOUNT_USED_UP"::equals)).hasSize(40);
        assertThat(used(code)).isEqualTo(10);
        assertThat(redemptions(code)).isEqualTo(10);
    }

    @Test
    void oneCustomerRacingTenCheckoutsGetsOnlyTheirPerCustomerLimit() throws Exception {
        String code = code(Map.of("perCustomerLimit", 2));
        var customer = DiscountCustomer.customer(UUID.randomUUID());

        var outcomes = raceRedemptions(10, () -> {
            discounts.redeem(code, customer, UUID.randomUUID(), 2000, "USD");
            return null;
        });

        assertThat(outcomes.stream().filter("REDEEMED"::equals)).hasSize(2);
        assertThat(outcomes.stream().filter("DISCOUNT_CUSTOMER_LIMIT"::equals)).hasSize(8);
        discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 2000, "USD");
        assertThat(used(code)).isEqualTo(3);
    }

    @Test
    void aGuestIsRecognisedByEmailWhateverItsCase() {
        String code = code(Map.of("perCustomerLimit", 1));
        discounts.redeem(code, DiscountCustomer.guest("Ada@Example.test"), UUID.randomUUID(), 2000, "USD");

        var refused = catchThrowableOfType(
                ProblemException.class,
                () -> discounts.redeem(
                        code, DiscountCustomer.guest(" ada@example.TEST"), UUID.randomUUID(), 2000, "USD"));
        assertThat(refused.code()).isEqualTo("DISCOUNT_CUSTOMER_LIMIT");
        assertThat(catchThrowableOfType(
                                ProblemException.class,
                                () -> discounts.validate(code, DiscountCustomer.guest("ADA@example.test"), 2000, "USD"))
                        .code())
                .isEqualTo("DISCOUNT_CUSTOMER_LIMIT");
    }

    @Test
    void releasingAFailedOrderGivesItsUsageBack() throws Exception {
        String code = code(Map.of("usageLimit", 1));
        UUID failedOrder = UUID.randomUUID();
        discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), failedOrder, 2000, "USD");
        var blocked = catchThrowableOfType(
                ProblemException.class,
                () -> discounts.redeem(
                        code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 2000, "USD"));
        assertThat(blocked.code()).isEqualTo("DISCOUNT_USED_UP");

        assertThat(discounts.release(failedOrder)).isEqualTo(1);
        assertThat(discounts.release(failedOrder)).isZero();
        assertThat(used(code)).isZero();

        discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 2000, "USD");
        assertThat(used(code)).isEqualTo(1);
    }

    @Test
    void redeemingAgainForTheSameOrderCountsOnce() throws Exception {
        String code = code(Map.of("usageLimit", 5));
        UUID order = UUID.randomUUID();
        var customer = DiscountCustomer.customer(UUID.randomUUID());

        var first = discounts.redeem(code, customer, order, 2000, "USD");
        var again = discounts.redeem(code, customer, order, 2000, "USD");

        assertThat(again).isEqualTo(first);
        assertThat(used(code)).isEqualTo(1);
    }

    @Test
    void aRedemptionAndItsReleaseAreRecordedAsEventsWithoutPersonalData() throws Exception {
        String code = code(Map.of());
        UUID order = UUID.randomUUID();
        discounts.redeem(code, DiscountCustomer.guest("someone@example.test"), order, 2000, "USD");
        discounts.release(order);

        assertThat(scalar(
                        "select count(*) from outbox_event where subject = ? and type in"
                                + " ('discount.redeemed', 'discount.released')",
                        order.toString()))
                .isEqualTo(2);
        assertThat(scalar(
                        "select count(*) from outbox_event where subject = ? and envelope::text like '%example.test%'",
                        order.toString()))
                .isZero();
    }

    @Test
    void aRefusedRedemptionLetsTheCheckoutTransactionGoOnAndCommit() throws Exception {
        String refusing = code(Map.of("minSubtotalMinor", 5000));
        String accepting = code(Map.of());

        QuarkusTransaction.requiringNew().run(() -> {
            var customer = DiscountCustomer.customer(UUID.randomUUID());
            var refused = catchThrowableOfType(
                    ProblemException.class, () -> discounts.redeem(refusing, customer, UUID.randomUUID(), 100, "USD"));
            assertThat(refused.code()).isEqualTo("DISCOUNT_MIN_SUBTOTAL");
            discounts.redeem(accepting, customer, UUID.randomUUID(), 100, "USD");
        });

        assertThat(used(accepting)).isEqualTo(1);
        assertThat(used(refusing)).isZero();
    }

    @Test
    void aRedemptionRolledBackWithItsOrderDoesNotCount() throws Exception {
        String code = code(Map.of("usageLimit", 1));

        catchThrowableOfType(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 100, "USD");
                    throw new IllegalStateException("the order insert failed");
                }));

        assertThat(used(code)).isZero();
        assertThat(redemptions(code)).isZero();
    }

    @Test
    void aRefusedRedemptionLeavesNoTrace() throws Exception {
        String code = code(Map.of("minSubtotalMinor", 5000));
        UUID order = UUID.randomUUID();

        var refused = catchThrowableOfType(
                ProblemException.class,
                () -> discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), order, 100, "USD"));

        assertThat(refused.code()).isEqualTo("DISCOUNT_MIN_SUBTOTAL");
        assertThat(used(code)).isZero();
        assertThat(scalar("select count(*) from outbox_event where subject = ?", order.toString()))
                .isZero();
    }
}
