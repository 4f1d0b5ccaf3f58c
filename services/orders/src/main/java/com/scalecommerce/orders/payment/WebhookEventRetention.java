package com.scalecommerce.orders.payment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;

/**
 * Forgets applied webhook event ids once no gateway can redeliver them (Stripe retries for up to three days),
 * so the deduplication table does not grow forever. Replays older than that are stopped by the signature's
 * timestamp tolerance anyway.
 */
@ApplicationScoped
class WebhookEventRetention {

    private final AgroalDataSource db;
    private final PaymentConfig config;

    WebhookEventRetention(AgroalDataSource db, PaymentConfig config) {
        this.db = db;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        forgetExpired();
    }

    int forgetExpired() {
        try (var connection = db.getConnection();
                var delete = connection.prepareStatement(
                        "delete from payment_webhook_event where received_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.webhookRetention().toSeconds());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
