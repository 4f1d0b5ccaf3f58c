package com.scalecommerce.orders.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stock holds at the products service, as the checkout saga needs them. Every method is idempotent on the
 * reservation id, so the saga and the reconciler may repeat any of them after a crash or a timeout.
 */
@ApplicationScoped
public class StockReservations {

    private static final Logger LOG = Logger.getLogger(StockReservations.class);

    public record Line(String sku, int quantity) {}

    /** How many of a SKU were wanted and how many products could hold. */
    public record Shortage(String sku, int requested, int available) {}

    /** Not every line can be held; nothing was. */
    public static final class OutOfStock extends RuntimeException {
        private final List<Shortage> shortages;

        OutOfStock(List<Shortage> shortages) {
            super("out of stock", null, false, false);
            this.shortages = List.copyOf(shortages);
        }

        public List<Shortage> shortages() {
            return shortages;
        }
    }

    /** Products cannot be reached (down, slow or its breaker open): nothing is known about the hold. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("products unavailable: " + cause, cause, false, false);
            // Once per failed call (after retries), without a stack: an outage must be visible, not drown the log.
            LOG.warnf("products reservation call failed: %s", cause);
        }
    }

    /** A hold that lapsed (or was released) before it could be committed: its stock may be sold to others. */
    public static final class Lapsed extends RuntimeException {
        Lapsed(String reservationId) {
            super("reservation " + reservationId + " lapsed", null, false, false);
        }
    }

    private final ReservationCalls calls;
    private final InventoryConfig config;
    private final ObjectMapper json;

    StockReservations(ReservationCalls calls, InventoryConfig config, ObjectMapper json) {
        this.calls = calls;
        this.config = config;
        this.json = json;
    }

    /** Holds every line or none; {@code reference} (the order number) shows in products' ledger. */
    public void reserve(String reservationId, List<Line> lines, String reference) {
        var request = new ReservationsApi.PlaceRequest(
                reservationId,
                lines.stream()
                        .map(l -> new ReservationsApi.Line(l.sku(), l.quantity()))
                        .toList(),
                (int) config.reservationTtl().toSeconds(),
                reference);
        try {
            calls.send(ReservationCalls.Operation.PLACE, reservationId, request);
        } catch (ReservationRefused refused) {
            if (refused.status == 409 && "OUT_OF_STOCK".equals(code(refused))) {
                throw new OutOfStock(shortages(refused));
            }
            // A 404 for an unknown SKU is out of stock too from the shopper's side: the product is gone.
            if (refused.status == 404 || refused.status == 422 || refused.status == 400) {
                LOG.warnf("products refused reservation %s: %s %s", reservationId, refused.status, refused.body);
                throw new OutOfStock(lines.stream()
                        .map(l -> new Shortage(l.sku(), l.quantity(), 0))
                        .toList());
            }
            throw new Unavailable(refused);
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
    }

    /** Sells the held stock. Throws {@link Lapsed} when the hold is gone. */
    public void commit(String reservationId) {
        try {
            calls.send(ReservationCalls.Operation.COMMIT, reservationId, null);
        } catch (ReservationRefused refused) {
            if (refused.status == 409 || refused.status == 404) {
                throw new Lapsed(reservationId);
            }
            throw new Unavailable(refused);
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
    }

    /** Gives held stock back; a reservation products never recorded (the place call timed out) is fine too. */
    public void release(String reservationId) {
        try {
            calls.send(ReservationCalls.Operation.RELEASE, reservationId, null);
        } catch (ReservationRefused refused) {
            if (refused.status == 404) {
                return;
            }
            throw new IllegalStateException("products refused to release " + reservationId + ": " + refused.body);
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
    }

    /** Puts sold stock back on the shelf (a paid order cancelled before it shipped). */
    public void restock(String reservationId) {
        try {
            calls.send(ReservationCalls.Operation.RESTOCK, reservationId, null);
        } catch (ReservationRefused refused) {
            throw new IllegalStateException("products refused to restock " + reservationId + ": " + refused.body);
        } catch (RuntimeException e) {
            throw new Unavailable(e);
        }
    }

    public ProblemException unavailableProblem() {
        return ProblemException.unavailable(
                "PRODUCTS_UNAVAILABLE",
                "Stock cannot be checked right now. Nothing was charged; try again shortly.",
                config.retryAfterSeconds());
    }

    private String code(ReservationRefused refused) {
        JsonNode body = parse(refused.body);
        return body == null ? null : body.path("code").asText(null);
    }

    private List<Shortage> shortages(ReservationRefused refused) {
        JsonNode body = parse(refused.body);
        var shortages = new ArrayList<Shortage>();
        if (body != null) {
            for (JsonNode s : body.path("shortages")) {
                shortages.add(new Shortage(
                        s.path("sku").asText(),
                        s.path("requested").asInt(),
                        s.path("available").asInt()));
            }
        }
        return shortages;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
