package com.scalecommerce.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what the service wrote to its outbox, and pokes at tables other features own. */
@ApplicationScoped
public class OutboxProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource db;

    OutboxProbe(AgroalDataSource db) {
        this.db = db;
    }

    /** Envelopes of the given type and subject, oldest first. */
    public List<JsonNode> events(String type, String subject) {
        return query(
                "select envelope::text from outbox_event where type = ? and subject is not distinct from ? order by id",
                type,
                subject);
    }

    /** Envelopes of the given type whose data.query equals {@code query}. */
    public List<JsonNode> searches(String query) {
        return query(
                "select envelope::text from outbox_event where type = 'search.performed'"
                        + " and envelope -> 'data' ->> 'query' = ? and ? is not null order by id",
                query,
                query);
    }

    public int update(String sql, Object... params) {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> query(String sql, Object... params) {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            var found = new ArrayList<JsonNode>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(JSON.readTree(rows.getString(1)));
                }
            }
            return found;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
