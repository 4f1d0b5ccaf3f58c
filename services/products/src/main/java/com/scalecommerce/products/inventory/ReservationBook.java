package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reservations and what they do to stock. Stock is never checked and then written: each line is one conditional
 * update ({@code on_hand - reserved >= quantity}) that PostgreSQL re-evaluates on the latest row version, and the
 * CHECK constraints refuse anything negative. Locks are always taken in the same order (the reservation row, then
 * stock rows by SKU, then product rows by id), so concurrent reservations queue instead of deadlocking.
 */
@ApplicationScoped
class ReservationBook {

    private static final Logger LOG = Logger.getLogger(ReservationBook.class);

    private static final String HEADER_COLUMNS = "id, client_id, reference, status, ttl_seconds, created_at,"
            + " expires_at, closed_at, expires_at <= now() as lapsed";

    private final AgroalDataSource db;
    private final StockJournal journal;
    private final InventoryConfig.Reservations settings;

    ReservationBook(AgroalDataSource db, StockJournal journal, InventoryConfig config) {
        this.db = db;
        this.journal = journal;
        this.settings = config.reservations();
    }

    /** A hold policy that contradicts itself is a deployment mistake: refuse to start rather than guess. */
    void checkSettings(@Observes StartupEvent started) {
        Duration defaultTtl = settings.defaultTtl();
        Duration maxTtl = settings.maxTtl();
        if (defaultTtl.toSeconds() < 1 || maxTtl.toSeconds() > Integer.MAX_VALUE || defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalStateException("scalecommerce.products.inventory.reservations.default-ttl (" + defaultTtl
                    + ") must be at least 1s and at most scalecommerce.products.inventory.reservations.max-ttl ("
                    + maxTtl + ")");
        }
        if (settings.maxLines() < 1) {
            throw new IllegalStateException("scalecommerce.products.inventory.reservations.max-lines must be positive");
        }
    }

    sealed interface Placed {
        Reservation reservation();
    }

    record Created(Reservation reservation) implements Placed {}

    record Replayed(Reservation reservation) implements Placed {}

    @Transactional
    public Placed place(String clientId, ReservationRequest request) {
        Map<String, Integer> wanted = linesBySku(request.lines());
        int ttlSeconds = ttlSeconds(request.ttlSeconds());
        try (Connection connection = db.getConnection()) {
            // The key is claimed first: a concurrent twin waits here for this transaction, then sees its result.
            if (!claim(connection, request.reservationId(), clientId, request.reference(), ttlSeconds)) {
                Stored first = find(connection, request.reservationId(), false).orElseThrow();
                if (!first.sameRequest(clientId, wanted, ttlSeconds, request.reference())) {
                    throw new ProblemException(
                            422,
                            "IDEMPOTENCY_MISMATCH",
                            "Idempotency key reused",
                            "Reservation " + request.reservationId()
                                    + " already exists with a different request; use a new reservationId.");
                }
                return new Replayed(first.view());
            }
            String actor = "service:" + clientId;
            var held = new ArrayList<StockRow>();
            var shortages = new ArrayList<OutOfStock.Shortage>();
            var unknown = new ArrayList<String>();
            for (var line : wanted.entrySet()) {
                Optional<StockRow> after = hold(connection, line.getKey(), line.getValue());
                if (after.isPresent()) {
                    held.add(after.get());
                } else {
                    OptionalAvailable available = availableOf(connection, line.getKey());
                    if (available.exists()) {
                        shortages.add(new OutOfStock.Shortage(line.getKey(), line.getValue(), available.quantity()));
                    } else {
                        unknown.add(line.getKey());
                    }
                }
            }
            if (!unknown.isEmpty()) {
                throw new ProblemException(
                        422,
                        "UNKNOWN_SKU",
                        "Unknown SKU",
                        "No stock is kept for " + String.join(", ", unknown) + "; nothing was reserved.",
                        fieldErrors(request.lines(), unknown, "sku", sku -> "is not a known SKU"),
                        Map.of());
            }
            if (!shortages.isEmpty()) {
                Map<String, OutOfStock.Shortage> bySku = new HashMap<>();
                shortages.forEach(s -> bySku.put(s.sku(), s));
                throw new OutOfStock(
                        shortages,
                        fieldErrors(
                                request.lines(),
                                bySku.keySet(),
                                "quantity",
                                sku -> "only " + bySku.get(sku).available() + " available"));
            }
            try (var insert = connection.prepareStatement(
                    "insert into reservation_line (reservation_id, sku, variant_id, quantity) values (?, ?, ?, ?)")) {
                for (StockRow row : held) {
                    insert.setString(1, request.reservationId());
                    insert.setString(2, row.sku());
                    insert.setObject(3, row.variantId());
                    insert.setInt(4, wanted.get(row.sku()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            journal.write(
                    connection,
                    held.stream()
                            .map(row -> new StockJournal.Entry(
                                    row.variantId(),
                                    row.sku(),
                                    0,
                                    wanted.get(row.sku()),
                                    LedgerReason.RESERVED,
                                    actor,
                                    request.reservationId(),
                                    null))
                            .toList());
            for (StockRow after : held) {
                journal.announce(
                        after.before(0, wanted.get(after.sku())),
                        after,
                        LedgerReason.RESERVED,
                        request.reservationId());
            }
            return new Created(find(connection, request.reservationId(), false)
                    .orElseThrow()
                    .view());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Reservation> get(String clientId, String id) {
        try (Connection connection = db.getConnection()) {
            return find(connection, id, false)
                    .filter(r -> r.clientId().equals(clientId))
                    .map(Stored::view);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Turns held stock into sold stock and counts the sale for best-selling. A hold that has lapsed but was not
     * swept yet is released here, and that release commits even though the caller is told it expired.
     */
    @Transactional(dontRollbackOn = ReservationExpired.class)
    public Reservation commit(String clientId, String id) {
        try (Connection connection = db.getConnection()) {
            Stored reservation = lockOwned(connection, clientId, id);
            switch (reservation.view().status()) {
                case COMMITTED -> {
                    return reservation.view();
                }
                case RELEASED, EXPIRED ->
                    throw new ReservationExpired(id, reservation.view().status());
                case RESTOCKED -> throw restocked(id);
                case OPEN -> {
                    if (reservation.lapsed()) {
                        unhold(connection, List.of(reservation), LedgerReason.EXPIRED, "system:expiry");
                        close(connection, List.of(id), Reservation.Status.EXPIRED);
                        throw new ReservationExpired(id, Reservation.Status.EXPIRED);
                    }
                }
            }
            String actor = "service:" + clientId;
            var entries = new ArrayList<StockJournal.Entry>();
            var soldByProduct = new TreeMap<UUID, Long>();
            for (Reservation.Line line : reservation.view().lines()) {
                UUID variantId = reservation.variantIds().get(line.sku());
                StockRow after = sell(connection, variantId, line.quantity())
                        .orElseThrow(() -> ProblemException.conflict(
                                "SKU_NOT_FOUND",
                                "SKU " + line.sku() + " was deleted while reserved; release the reservation."));
                entries.add(new StockJournal.Entry(
                        variantId,
                        after.sku(),
                        -line.quantity(),
                        -line.quantity(),
                        LedgerReason.SOLD,
                        actor,
                        id,
                        reservation.reference()));
                soldByProduct.merge(after.productId(), (long) line.quantity(), Long::sum);
                journal.announce(after.before(-line.quantity(), -line.quantity()), after, LedgerReason.SOLD, id);
            }
            journal.write(connection, entries);
            try (var update =
                    connection.prepareStatement("update product set sold_count = sold_count + ? where id = ?")) {
                for (var sold : soldByProduct.entrySet()) {
                    update.setLong(1, sold.getValue());
                    update.setObject(2, sold.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            close(connection, List.of(id), Reservation.Status.COMMITTED);
            return find(connection, id, false).orElseThrow().view();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives held stock back. Releasing twice, or releasing what expired, changes nothing and is no error. */
    @Transactional
    public Reservation release(String clientId, String id) {
        try (Connection connection = db.getConnection()) {
            Stored reservation = lockOwned(connection, clientId, id);
            switch (reservation.view().status()) {
                case RELEASED, EXPIRED -> {
                    return reservation.view();
                }
                case COMMITTED ->
                    throw ProblemException.conflict(
                            "RESERVATION_COMMITTED",
                            "Reservation " + id + " was committed; sold stock comes back through a restock.");
                case RESTOCKED -> throw restocked(id);
                case OPEN -> {
                    unhold(connection, List.of(reservation), LedgerReason.RELEASED, "service:" + clientId);
                    close(connection, List.of(id), Reservation.Status.RELEASED);
                }
            }
            return find(connection, id, false).orElseThrow().view();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Its goods are back on hand: it can neither be sold again nor released. */
    private static ProblemException restocked(String id) {
        return ProblemException.conflict(
                "RESERVATION_RESTOCKED",
                "Reservation " + id + " was committed and then restocked; it holds no stock. Place a new one.");
    }

    /** What a restock call found: {@code replayed} when an earlier call had already put the goods back. */
    record Restocked(Reservation reservation, boolean replayed) {}

    /**
     * Puts a committed reservation's goods back on hand: its order was cancelled before it shipped. The reverse of
     * {@link #commit}: on hand and the sold count go down by what commit added, one RESTOCKED ledger row per SKU.
     * The reservation row's lock makes concurrent calls queue; the one that comes second finds RESTOCKED and
     * changes nothing, so the stock rises once however often orders retries.
     */
    @Transactional
    public Restocked restock(String clientId, String id) {
        try (Connection connection = db.getConnection()) {
            Stored reservation = lockOwned(connection, clientId, id);
            switch (reservation.view().status()) {
                case RESTOCKED -> {
                    return new Restocked(reservation.view(), true);
                }
                case OPEN, RELEASED, EXPIRED ->
                    throw ProblemException.conflict(
                            "RESERVATION_NOT_COMMITTED",
                            "Reservation " + id + " is "
                                    + reservation.view().status().name().toLowerCase()
                                    + "; only a committed reservation has sold stock to put back.");
                case COMMITTED -> {}
            }
            String actor = "service:" + clientId;
            var entries = new ArrayList<StockJournal.Entry>();
            var returnedByProduct = new TreeMap<UUID, Long>();
            // Lines come in SKU order, the order every writer locks stock rows in.
            for (Reservation.Line line : reservation.view().lines()) {
                UUID variantId = reservation.variantIds().get(line.sku());
                Optional<StockRow> returned = putBack(connection, variantId, line.quantity());
                if (returned.isEmpty()) {
                    if (stockExists(connection, variantId)) {
                        throw ProblemException.conflict(
                                "STOCK_LIMIT_EXCEEDED",
                                "On hand for " + line.sku() + " would exceed 2147483647; nothing was restocked.");
                    }
                    // The variant was deleted since the sale and its stock row went with it: there is no shelf to
                    // put these units on. Refusing would leave the cancelled order stuck, so the line is skipped.
                    LOG.warnf(
                            "Restock of reservation %s: SKU %s (variant %s) no longer exists; %d units not put back",
                            id, line.sku(), variantId, line.quantity());
                    continue;
                }
                StockRow after = returned.get();
                entries.add(new StockJournal.Entry(
                        variantId,
                        after.sku(),
                        line.quantity(),
                        0,
                        LedgerReason.RESTOCKED,
                        actor,
                        id,
                        reservation.reference()));
                returnedByProduct.merge(after.productId(), (long) line.quantity(), Long::sum);
                journal.announce(after.before(line.quantity(), 0), after, LedgerReason.RESTOCKED, id);
            }
            journal.write(connection, entries);
            // A cancelled order is no sale: best-selling stops counting it. Never below zero, whatever a demo
            // load or a reset left in the column.
            try (var update = connection.prepareStatement(
                    "update product set sold_count = greatest(sold_count - ?, 0) where id = ?")) {
                for (var returned : returnedByProduct.entrySet()) {
                    update.setLong(1, returned.getValue());
                    update.setObject(2, returned.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            try (var update = connection.prepareStatement(
                    "update reservation set status = 'RESTOCKED' where id = ? and status = 'COMMITTED'")) {
                update.setString(1, id);
                if (update.executeUpdate() != 1) {
                    // Cannot happen under the row lock taken above; if it does, nothing of this may commit.
                    throw new IllegalStateException("Reservation " + id + " left COMMITTED while being restocked");
                }
            }
            return new Restocked(find(connection, id, false).orElseThrow().view(), false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Releases up to {@code limit} lapsed reservations. SKIP LOCKED lets every replica sweep at once without two
     * of them taking the same reservation, and without waiting on one a caller is committing right now.
     */
    @Transactional
    public int expireDue(int limit) {
        try (Connection connection = db.getConnection()) {
            var ids = new ArrayList<String>();
            try (var select = connection.prepareStatement("select id from reservation"
                    + " where status = 'OPEN' and expires_at <= now()"
                    + " order by expires_at limit ? for update skip locked")) {
                select.setInt(1, limit);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            var due = new ArrayList<Stored>();
            for (String id : ids) {
                due.add(find(connection, id, false).orElseThrow());
            }
            unhold(connection, due, LedgerReason.EXPIRED, "system:sweeper");
            close(connection, ids, Reservation.Status.EXPIRED);
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the quantities of these reservations off reserved: one update per SKU (summed over the reservations,
     * in SKU order, like every other writer) and one ledger row per reservation line.
     */
    private void unhold(Connection connection, List<Stored> reservations, LedgerReason reason, String actor)
            throws SQLException {
        record Hold(UUID variantId, String sku, int quantity) {}
        Map<UUID, Hold> byVariant = new HashMap<>();
        var entries = new ArrayList<StockJournal.Entry>();
        for (Stored reservation : reservations) {
            for (Reservation.Line line : reservation.view().lines()) {
                UUID variantId = reservation.variantIds().get(line.sku());
                byVariant.merge(
                        variantId,
                        new Hold(variantId, line.sku(), line.quantity()),
                        (a, b) -> new Hold(a.variantId(), a.sku(), a.quantity() + b.quantity()));
                entries.add(new StockJournal.Entry(
                        variantId,
                        line.sku(),
                        0,
                        -line.quantity(),
                        reason,
                        actor,
                        reservation.view().reservationId(),
                        null));
            }
        }
        List<Hold> ordered = byVariant.values().stream()
                .sorted(Comparator.comparing(Hold::sku))
                .toList();
        for (Hold hold : ordered) {
            // A variant deleted meanwhile took its stock row along: there is nothing left to give back.
            Optional<StockRow> after = unhold(connection, hold.variantId(), hold.quantity());
            after.ifPresent(row -> journal.announce(row.before(0, -hold.quantity()), row, reason, null));
        }
        journal.write(connection, entries);
    }

    private boolean claim(Connection connection, String id, String clientId, String reference, int ttlSeconds)
            throws SQLException {
        try (var insert = connection.prepareStatement(
                "insert into reservation (id, client_id, reference, ttl_seconds, expires_at)"
                        + " values (?, ?, ?, ?, now() + make_interval(secs => ?)) on conflict (id) do nothing")) {
            insert.setString(1, id);
            insert.setString(2, clientId);
            insert.setString(3, reference);
            insert.setInt(4, ttlSeconds);
            insert.setInt(5, ttlSeconds);
            return insert.executeUpdate() == 1;
        }
    }

    private static Optional<StockRow> hold(Connection connection, String sku, int quantity) throws SQLException {
        return StockRow.update(
                connection,
                "update stock s set reserved = s.reserved + ?, updated_at = now() from variant v"
                        + " where v.id = s.variant_id and s.sku = ? and s.on_hand - s.reserved >= ?"
                        + StockRow.RETURNING,
                quantity,
                sku,
                quantity);
    }

    private static Optional<StockRow> unhold(Connection connection, UUID variantId, int quantity) throws SQLException {
        return StockRow.update(
                connection,
                "update stock s set reserved = s.reserved - ?, updated_at = now() from variant v"
                        + " where v.id = s.variant_id and s.variant_id = ?"
                        + StockRow.RETURNING,
                quantity,
                variantId);
    }

    private static Optional<StockRow> sell(Connection connection, UUID variantId, int quantity) throws SQLException {
        return StockRow.update(
                connection,
                "update stock s set on_hand = s.on_hand - ?, reserved = s.reserved - ?, updated_at = now()"
                        + " from variant v where v.id = s.variant_id and s.variant_id = ?"
                        + StockRow.RETURNING,
                quantity,
                quantity,
                variantId);
    }

    /** The bound keeps on_hand an int: past it, the update matches nothing instead of failing with a 500. */
    private static Optional<StockRow> putBack(Connection connection, UUID variantId, int quantity) throws SQLException {
        return StockRow.update(
                connection,
                "update stock s set on_hand = s.on_hand + ?, updated_at = now() from variant v"
                        + " where v.id = s.variant_id and s.variant_id = ? and s.on_hand <= 2147483647 - ?"
                        + StockRow.RETURNING,
                quantity,
                variantId,
                quantity);
    }

    private static boolean stockExists(Connection connection, UUID variantId) throws SQLException {
        try (var select = connection.prepareStatement("select 1 from stock where variant_id = ?")) {
            select.setObject(1, variantId);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private record OptionalAvailable(boolean exists, int quantity) {}

    private static OptionalAvailable availableOf(Connection connection, String sku) throws SQLException {
        try (var select = connection.prepareStatement("select on_hand - reserved from stock where sku = ?")) {
            select.setString(1, sku);
            try (var rows = select.executeQuery()) {
                return rows.next() ? new OptionalAvailable(true, rows.getInt(1)) : new OptionalAvailable(false, 0);
            }
        }
    }

    private static void close(Connection connection, List<String> ids, Reservation.Status status) throws SQLException {
        try (var update = connection.prepareStatement(
                "update reservation set status = ?, closed_at = now() where id = any(?) and status = 'OPEN'")) {
            update.setString(1, status.name());
            update.setArray(2, connection.createArrayOf("text", ids.toArray()));
            update.executeUpdate();
        }
    }

    /** Locks the caller's reservation; another caller's is as good as absent. */
    private static Stored lockOwned(Connection connection, String clientId, String id) throws SQLException {
        return find(connection, id, true)
                .filter(r -> r.clientId().equals(clientId))
                .orElseThrow(() -> ProblemException.notFound("RESERVATION_NOT_FOUND", "No reservation " + id + "."));
    }

    private static Optional<Stored> find(Connection connection, String id, boolean forUpdate) throws SQLException {
        Stored header;
        try (var select = connection.prepareStatement(
                "select " + HEADER_COLUMNS + " from reservation where id = ?" + (forUpdate ? " for update" : ""))) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                header = readHeader(rows);
            }
        }
        var lines = new ArrayList<Reservation.Line>();
        var variantIds = new HashMap<String, UUID>();
        try (var select = connection.prepareStatement(
                "select sku, variant_id, quantity from reservation_line where reservation_id = ?")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new Reservation.Line(rows.getString("sku"), rows.getInt("quantity")));
                    variantIds.put(rows.getString("sku"), rows.getObject("variant_id", UUID.class));
                }
            }
        }
        // Java's order, not the database collation's: the same order every writer locks stock rows in.
        lines.sort(Comparator.comparing(Reservation.Line::sku));
        Reservation view = header.view();
        return Optional.of(new Stored(
                new Reservation(
                        view.reservationId(),
                        view.status(),
                        view.reference(),
                        List.copyOf(lines),
                        view.createdAt(),
                        view.expiresAt(),
                        view.closedAt()),
                header.clientId(),
                header.ttlSeconds(),
                header.lapsed(),
                Map.copyOf(variantIds)));
    }

    private static Stored readHeader(ResultSet rows) throws SQLException {
        return new Stored(
                new Reservation(
                        rows.getString("id"),
                        Reservation.Status.valueOf(rows.getString("status")),
                        rows.getString("reference"),
                        List.of(),
                        instant(rows, "created_at"),
                        instant(rows, "expires_at"),
                        instant(rows, "closed_at")),
                rows.getString("client_id"),
                rows.getInt("ttl_seconds"),
                rows.getBoolean("lapsed"),
                Map.of());
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A reservation with what only this service needs to know about it. */
    private record Stored(
            Reservation view, String clientId, int ttlSeconds, boolean lapsed, Map<String, UUID> variantIds) {

        String reference() {
            return view.reference();
        }

        boolean sameRequest(String client, Map<String, Integer> wanted, int ttl, String ref) {
            Map<String, Integer> held = new TreeMap<>();
            view.lines().forEach(line -> held.put(line.sku(), line.quantity()));
            return clientId.equals(client)
                    && ttlSeconds == ttl
                    && Objects.equals(view.reference(), ref)
                    && held.equals(wanted);
        }
    }

    /** Lines keyed and ordered by SKU, the order stock rows are locked in; a SKU named twice is refused. */
    private Map<String, Integer> linesBySku(List<ReservationRequest.Line> lines) {
        if (lines.size() > settings.maxLines()) {
            throw ProblemException.invalidField("lines", "must hold at most " + settings.maxLines() + " lines");
        }
        var bySku = new TreeMap<String, Integer>();
        var errors = new ArrayList<Problem.FieldError>();
        for (int i = 0; i < lines.size(); i++) {
            if (bySku.putIfAbsent(lines.get(i).sku(), lines.get(i).quantity()) != null) {
                errors.add(new Problem.FieldError("lines[" + i + "].sku", "appears on more than one line"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return bySku;
    }

    private int ttlSeconds(Integer requested) {
        long max = settings.maxTtl().toSeconds();
        if (requested == null) {
            return (int) settings.defaultTtl().toSeconds();
        }
        if (requested > max) {
            throw ProblemException.invalidField("ttlSeconds", "must be at most " + max);
        }
        return requested;
    }

    private static List<Problem.FieldError> fieldErrors(
            List<ReservationRequest.Line> lines,
            java.util.Collection<String> skus,
            String field,
            java.util.function.Function<String, String> message) {
        var errors = new LinkedHashMap<String, Problem.FieldError>();
        for (int i = 0; i < lines.size(); i++) {
            String sku = lines.get(i).sku();
            if (skus.contains(sku)) {
                errors.put(sku, new Problem.FieldError("lines[" + i + "]." + field, message.apply(sku)));
            }
        }
        return List.copyOf(errors.values());
    }
}
