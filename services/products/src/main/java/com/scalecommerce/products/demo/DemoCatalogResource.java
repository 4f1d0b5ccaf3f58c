package com.scalecommerce.products.demo;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/api/admin/demo/catalog")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class DemoCatalogResource {

    private final DemoCatalog catalog;
    private final DemoConfig config;

    DemoCatalogResource(DemoCatalog catalog, DemoConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    /** Loads a generated catalog (for benchmarks); {@code replace=true} empties the current catalog first. */
    @POST
    public DemoCatalog.LoadReport load(
            @QueryParam("products") @DefaultValue("2000") int products,
            @QueryParam("seed") @DefaultValue("42") long seed,
            @QueryParam("replace") @DefaultValue("false") boolean replace) {
        if (!config.enabled()) {
            throw ProblemException.notFound(
                    "DEMO_DISABLED", "Demo data is off; set scalecommerce.products.demo.enabled=true.");
        }
        return catalog.load(products, seed, replace ? DemoCatalog.Mode.REPLACE : DemoCatalog.Mode.REFUSE_IF_NOT_EMPTY);
    }
}
