package com.scalecommerce.orders.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Shipping zones, tax rates and a discount code for the local demo, so that a fresh platform can sell the demo
 * catalog end to end. Off unless asked for (./scalecommerce up asks); loaded only into a shop that has no shipping
 * zone yet, so it never overwrites what an admin set up.
 */
@ApplicationScoped
public class DemoShop {

    private static final Logger LOG = Logger.getLogger(DemoShop.class);

    @ConfigMapping(prefix = "scalecommerce.orders.demo")
    public interface DemoConfig {
        @WithDefault("false")
        boolean enabled();
    }

    private final AgroalDataSource db;
    private final DemoConfig config;

    DemoShop(AgroalDataSource db, DemoConfig config) {
        this.db = db;
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        try (var connection = db.getConnection();
                var lock = connection.prepareStatement("lock table shipping_zone in exclusive mode");
                var count = connection.prepareStatement("select count(*) from shipping_zone")) {
            lock.execute(); // two replicas starting together: one loads, the other then sees the zones
            try (var rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            try (var statement = connection.createStatement()) {
                statement.execute(script());
            }
            LOG.info("demo shop set up: shipping to the US, Canada and Europe, US state taxes, code WELCOME10");
        } catch (SQLException e) {
            throw new IllegalStateException("loading the demo shop setup failed", e);
        }
    }

    private static String script() {
        try (InputStream in = DemoShop.class.getResourceAsStream("/demo/shop-setup.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("demo/shop-setup.sql is missing", e);
        }
    }
}
