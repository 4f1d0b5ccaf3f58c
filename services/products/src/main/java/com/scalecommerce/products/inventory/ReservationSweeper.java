package com.scalecommerce.products.inventory;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Gives back stock whose hold lapsed: the caller crashed, gave up or forgot to release. */
@ApplicationScoped
class ReservationSweeper {

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);

    private final ReservationBook reservations;
    private final int batchSize;

    ReservationSweeper(ReservationBook reservations, InventoryConfig config) {
        this.reservations = reservations;
        this.batchSize = config.sweeper().batchSize();
    }

    @Scheduled(
            identity = "inventory-reservation-sweeper",
            every = "${scalecommerce.products.inventory.sweeper.interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int released = 0;
        int batch;
        do {
            batch = reservations.expireDue(batchSize);
            released += batch;
        } while (batch == batchSize);
        if (released > 0) {
            LOG.infof("Released %d expired reservations", released);
        }
    }
}
