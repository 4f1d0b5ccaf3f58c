package com.scalecommerce.users.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The record of every administrative action. Written in the transaction of the action it records. */
@ApplicationScoped
public class AuditLog {

    public record Entry(long id, Instant at, UUID actorId, String action, UUID targetId, Map<String, Object> details) {}

    private final AgroalDataSource db;
    private final ObjectMapper json;

    AuditLog(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID actorId, String action, UUID targetId, Map<String, ?> details) {
        try (var connection = db.getConnection();
                var insert = connection.prepareStatement(
                        "insert into audit_log (actor_id, action, target_id, details) values (?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, actorId);
            insert.setString(2, action);
            insert.setObject(3, targetId);
            insert.setString(4, json.writeValueAsString(details));
            insert.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the audit log", e);
        }
    }

    /** Newest first; {@code beforeId} pages backwards. */
    @SuppressWarnings("unchecked")
    public List<Entry> list(UUID targetId, Long beforeId, int limit) {
        String sql = "select id, at, actor_id, action, target_id, details::text from audit_log"
                + " where (?::uuid is null or target_id = ?::uuid) and (?::bigint is null or id < ?::bigint)"
                + " order by id desc limit ?";
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            query.setObject(1, targetId);
            query.setObject(2, targetId);
            query.setObject(3, beforeId);
            query.setObject(4, beforeId);
            query.setInt(5, limit);
            var entries = new ArrayList<Entry>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(
                            rows.getLong(1),
                            rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rows.getObject(3, UUID.class),
                            rows.getString(4),
                            rows.getObject(5, UUID.class),
                            json.readValue(rows.getString(6), Map.class)));
                }
            }
            return entries;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }
}
