package com.scalecommerce.platform.web.metrics;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * What AuthFailureTemplatePathTest looks at: the authentication-failure handler a request carries on a plain
 * Vert.x route and inside Quarkus REST, and a guarded route with a path parameter.
 */
@Path("/auth-failure-probe")
public class AuthFailureProbeResource {

    void route(@Observes Router router) {
        router.get("/auth-failure-probe-route").handler(request -> request.end(describe(request)));
    }

    @GET
    @Path("/handler")
    public String handler(RoutingContext request) {
        return describe(request);
    }

    @GET
    @Path("/orders/{id}")
    @RolesAllowed("ADMIN")
    public String order(@PathParam("id") String id) {
        return id;
    }

    private static String describe(RoutingContext request) {
        Object handler = request.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        if (handler == AuthFailureTemplatePath.NAME_ROUTE_THEN_FAIL) {
            return "names the route when called";
        }
        return handler == null ? "none" : handler.getClass().getName();
    }
}
