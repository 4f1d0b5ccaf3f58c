package com.scalecommerce.platform.web.metrics;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.resteasy.reactive.server.runtime.observability.ObservabilityIntegrationRecorder;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.function.BiConsumer;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.Deployment;

/**
 * Names the route of a request refused by authentication when that happens, not on every request beforehand.
 *
 * <p>With metrics or tracing present, Quarkus REST (3.30) installs a route filter that, for every request carrying
 * the default authentication-failure handler, works out the request's route template (so that a 401 is counted
 * under {@code /api/orders/{id}}, not under each id) and then swaps in a handler that fails the request. Working out
 * the template builds a new request mapper over all of the service's resource classes: JFR put it at 4.8 % of the
 * storefront's event loop under the browse journey, for a name that only a refused request ever uses.
 *
 * <p>This filter runs just before Quarkus' own (same order, registered earlier: Vert.x keeps equal orders in the
 * order they were added) and swaps in a handler that does the same thing when it is called: names the route, marks
 * the failure as Quarkus' handler does, and fails the request. Quarkus' filter then finds no default handler and
 * leaves the request alone. {@code AuthFailureTemplatePathTest}: a request on a plain Vert.x route carries this
 * handler, one inside Quarkus REST none (as with Quarkus' own), and refused requests are counted under their template.
 */
@Singleton
public class AuthFailureTemplatePath {

    static final BiConsumer<RoutingContext, Throwable> NAME_ROUTE_THEN_FAIL =
            AuthFailureTemplatePath::nameRouteThenFail;

    void install(@Observes Router router) {
        router.route().order(-SecurityHandlerPriorities.AUTHENTICATION + 1).handler(request -> {
            if (request.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
                request.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, NAME_ROUTE_THEN_FAIL);
            }
            request.next();
        });
    }

    /**
     * Quarkus REST takes its own failing handler out of the request as the request reaches it, so that a refusal
     * inside (authentication is lazy here, {@code quarkus.http.auth.proactive=false}) goes to its exception mappers
     * and becomes a 401 problem. It only knows its own handler: this takes ours out at the same point, before any
     * other filter can ask who the caller is.
     */
    @ServerRequestFilter(preMatching = true, priority = Integer.MIN_VALUE)
    public void leaveRefusalsToTheExceptionMappers(RoutingContext request) {
        if (request.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) == NAME_ROUTE_THEN_FAIL) {
            request.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        }
    }

    private static void nameRouteThenFail(RoutingContext request, Throwable failure) {
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        if (deployment != null) {
            try {
                ObservabilityIntegrationRecorder.setTemplatePath(request, deployment);
            } catch (RuntimeException e) {
                // As in Quarkus: the request is then counted under its path as sent; the refusal goes on.
            }
        }
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(request, failure);
        if (!request.failed()) {
            request.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    }
}
