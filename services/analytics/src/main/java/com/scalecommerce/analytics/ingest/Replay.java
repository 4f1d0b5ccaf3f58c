package com.scalecommerce.analytics.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rebuilds every projection from the raw log: empties the fact and dimension tables and applies the log again in
 * log order. One transaction, with the log locked against new events meanwhile, so dashboards see either the old
 * tables or the rebuilt ones and no event slips between the two.
 */
@ApplicationScoped
public class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);
    private static final int CHUNK = 2_000;
    static final String PROJECTIONS = "fact_order, fact_order_line, fact_refund, fact_behaviour, fact_search,"
            + " fact_stock, dim_product, dim_variant, dim_customer";

    private final AgroalDataSource db;
    private final Projections projections;
    private final ObjectMapper json;

    Replay(AgroalDataSource db, Projections projections, ObjectMapper json) {
        this.db = db;
        this.projections = projections;
        this.json = json;
    }

    public record Result(long events, long millis) {}

    // A million events take minutes: the default 60 s transaction timeout would cut a replay short.
    @TransactionConfiguration(timeout = 3600)
    @Transactional
    public Result rebuild() {
        long started = System.nanoTime();
        long events = 0;
        try (var connection = db.getConnection()) {
            try (var lock = connection.createStatement()) {
                lock.execute("lock table event_log in exclusive mode");
                lock.execute("truncate " + PROJECTIONS);
            }
            try (var select = connection.prepareStatement(
                    "select event_id, type, subject, occurred_at, data::text from event_log order by seq")) {
                select.setFetchSize(CHUNK); // streamed: the log may hold millions of events
                try (var rows = select.executeQuery()) {
                    // Applied in chunks, as the live stream applies its reads (Projections.applyAll).
                    List<RawLog.Entry> chunk = new ArrayList<>(CHUNK);
                    while (rows.next()) {
                        chunk.add(new RawLog.Entry(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getTimestamp(4).toInstant(),
                                json.readTree(rows.getString(5))));
                        events++;
                        if (chunk.size() == CHUNK) {
                            projections.applyAll(connection, chunk);
                            chunk.clear();
                        }
                    }
                    projections.applyAll(connection, chunk);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("replay failed; the projections are unchanged", e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("replayed %d events into the projections in %d ms", events, millis);
        return new Result(events, millis);
    }
}
