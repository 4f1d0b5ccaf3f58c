package com.scalecommerce.analytics.admin;

import com.scalecommerce.analytics.ingest.Replay;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Operations on the analytics data itself. */
@Path("/api/admin/analytics")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminAnalyticsResource {

    private final Replay replay;

    AdminAnalyticsResource(Replay replay) {
        this.replay = replay;
    }

    /** Rebuilds every rollup from the raw event log (after a bug fix in a projection, or to verify them). */
    @POST
    @Path("/replay")
    public Replay.Result replay() {
        return replay.rebuild();
    }
}
