package com.scalecommerce.products.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** In demo mode, a first start fills the empty catalog, so the platform has something to show at once. */
@ApplicationScoped
class DemoCatalogOnStart {

    private static final Logger LOG = Logger.getLogger(DemoCatalogOnStart.class);

    void onStart(@Observes StartupEvent started, DemoConfig config, DemoCatalog catalog) {
        if (!config.enabled()) {
            return;
        }
        try {
            DemoCatalog.LoadReport report = catalog.load(config.products(), config.seed(), DemoCatalog.Mode.IF_EMPTY);
            if (!report.loaded()) {
                LOG.info("demo catalog: the catalog already has products; nothing loaded");
            }
        } catch (RuntimeException e) {
            // The service is still useful without demo data; say so loudly instead of refusing to start.
            LOG.error("demo catalog: loading failed", e);
        }
    }
}
