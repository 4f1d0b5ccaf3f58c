package com.scalecommerce.orders.payment;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The sandbox gateway's side of the wire: its PaymentIntents and refunds, idempotent on their keys as Stripe's are. */
@ApplicationScoped
class SandboxIntents {

    static final String SUCCEEDED = "succeeded";
    static final String REQUIRES_ACTION = "requires_action";
    static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";

    private static final SecureRandom RANDOM = new SecureRandom();

    record Intent(
            String id,
            String idempotencyKey,
            long amount,
            String currency,
            String paymentMethod,
            String status,
            String declineCode,
            String clientSecret,
            UUID orderId,
            long amountRefunded) {}

    record Refund(String id, long amount) {}

    record Change<T>(T value, Intent intent, boolean happened) {}

    private final AgroalDataSource db;

    SandboxIntents(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Creates the intent unless one exists for the key. Like Stripe, the same key with different parameters
     * is an error, not a second payment.
     */
    @Transactional
    Change<Intent> createIfAbsent(PaymentRequest request, String status, String declineCode) {
        try (var connection = db.getConnection()) {
            String id = "pi_sbx_" + randomHex(12);
            int inserted;
            try (var insert = connection.prepareStatement("insert into payment_sandbox_intent (id, idempotency_key,"
                    + " amount, currency, payment_method, status, decline_code, client_secret, order_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing")) {
                insert.setString(1, id);
                insert.setString(2, request.idempotencyKey());
                insert.setLong(3, request.amount());
                insert.setString(4, request.currency());
                insert.setString(5, request.paymentMethod());
                insert.setString(6, status);
                insert.setString(7, declineCode);
                insert.setString(8, id + "_secret_" + randomHex(12));
                insert.setObject(9, request.orderId());
                inserted = insert.executeUpdate();
            }
            Intent intent = find(connection, "idempotency_key", request.idempotencyKey(), false)
                    .orElseThrow();
            if (inserted == 0
                    && (intent.amount() != request.amount()
                            || !intent.currency().equals(request.currency())
                            || !intent.paymentMethod().equals(request.paymentMethod()))) {
                throw new ProblemException(
                        422,
                        "IDEMPOTENCY_KEY_REUSED",
                        "Unprocessable request",
                        "This order was already paid for with different parameters.");
            }
            return new Change<>(intent, intent, inserted == 1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Intent> find(String id) {
        try (var connection = db.getConnection()) {
            return find(connection, "id", id, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the bank's 3-D Secure page would do: the client secret proves the caller holds the checkout. */
    @Transactional
    Intent authenticate(String id, String clientSecret, boolean approve) {
        try (var connection = db.getConnection()) {
            Intent intent = find(connection, "id", id, true)
                    .filter(found -> clientSecret != null
                            && MessageDigest.isEqual(
                                    found.clientSecret().getBytes(StandardCharsets.UTF_8),
                                    clientSecret.getBytes(StandardCharsets.UTF_8)))
                    .orElseThrow(() -> ProblemException.notFound(
                            "PAYMENT_INTENT_NOT_FOUND", "No payment awaits authentication with this secret."));
            if (!REQUIRES_ACTION.equals(intent.status())) {
                throw ProblemException.conflict(
                        "PAYMENT_NOT_AWAITING_ACTION", "This payment does not await authentication.");
            }
            try (var update = connection.prepareStatement(
                    "update payment_sandbox_intent set status = ?, decline_code = ? where id = ?")) {
                update.setString(1, approve ? SUCCEEDED : REQUIRES_PAYMENT_METHOD);
                update.setString(2, approve ? null : "payment_intent_authentication_failure");
                update.setString(3, id);
                update.executeUpdate();
            }
            return find(connection, "id", id, false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Change<Refund> refund(String intentId, Long amount, String idempotencyKey) {
        try (var connection = db.getConnection()) {
            Intent intent = find(connection, "id", intentId, true)
                    .orElseThrow(() -> ProblemException.notFound("PAYMENT_NOT_FOUND", "No such payment."));
            Optional<Refund> earlier = refundByKey(connection, idempotencyKey);
            if (earlier.isPresent()) {
                return new Change<>(earlier.get(), intent, false);
            }
            long remaining = intent.amount() - intent.amountRefunded();
            long refunding = Objects.requireNonNullElse(amount, remaining);
            if (!SUCCEEDED.equals(intent.status()) || refunding <= 0 || refunding > remaining) {
                throw ProblemException.conflict(
                        "PAYMENT_NOT_REFUNDABLE", "The payment cannot be refunded by this amount.");
            }
            var refund = new Refund("re_sbx_" + randomHex(12), refunding);
            try (var insert = connection.prepareStatement("insert into payment_sandbox_refund (id, intent_id,"
                    + " idempotency_key, amount) values (?, ?, ?, ?)")) {
                insert.setString(1, refund.id());
                insert.setString(2, intentId);
                insert.setString(3, idempotencyKey);
                insert.setLong(4, refunding);
                insert.executeUpdate();
            }
            return new Change<>(refund, find(connection, "id", intentId, false).orElseThrow(), true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Refund> refundByKey(Connection connection, String idempotencyKey) throws SQLException {
        try (var query = connection.prepareStatement(
                "select id, amount from payment_sandbox_refund where idempotency_key = ?")) {
            query.setString(1, idempotencyKey);
            try (var rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Refund(rows.getString("id"), rows.getLong("amount")))
                        : Optional.empty();
            }
        }
    }

    private static Optional<Intent> find(Connection connection, String column, String value, boolean lock)
            throws SQLException {
        try (var query = connection.prepareStatement("select i.*, (select coalesce(sum(r.amount), 0)"
                + " from payment_sandbox_refund r where r.intent_id = i.id) as amount_refunded"
                + " from payment_sandbox_intent i where i." + column + " = ?" + (lock ? " for update of i" : ""))) {
            query.setString(1, value);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Intent read(ResultSet rows) throws SQLException {
        return new Intent(
                rows.getString("id"),
                rows.getString("idempotency_key"),
                rows.getLong("amount"),
                rows.getString("currency"),
                rows.getString("payment_method"),
                rows.getString("status"),
                rows.getString("decline_code"),
                rows.getString("client_secret"),
                rows.getObject("order_id", UUID.class),
                rows.getLong("amount_refunded"));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
