package com.scalecommerce.web.account;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.arc.ClientProxy;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The gate of every page about the signed-in person (account, addresses, orders) and the way their calls are made.
 * A guest is sent to sign in and brought back afterwards. Calls carry {@link Viewer#bearer()} (refreshed
 * server-side); a 401 from a service means users has ended the session meanwhile (signed out elsewhere, password
 * changed, account disabled), so the browser is signed out here too and sent to sign in, instead of showing an
 * error. A service that cannot be reached (timeout, 5xx, open breaker) becomes a friendly 503 page.
 */
@ApplicationScoped
public class CustomerAccess {

    private static final Logger LOG = Logger.getLogger(CustomerAccess.class);

    /** Which service a page depends on, and what its 503 page says when that service is down. */
    public record Outage(String code, String message) {}

    public static final Outage USERS = new Outage(
            "USERS_UNAVAILABLE",
            "Your account cannot be shown or changed right now. Browsing and your cart still work; try again in a"
                    + " moment.");

    public static final Outage ORDERS = new Outage(
            "ORDERS_UNAVAILABLE",
            "Your orders cannot be shown or changed right now. Browsing still works; try again in a moment.");

    private final Viewer viewer;
    private final WebConfig config;
    private final ExecutorService virtualThreads;

    CustomerAccess(Viewer viewer, WebConfig config, @VirtualThreads ExecutorService virtualThreads) {
        this.viewer = viewer;
        this.config = config;
        this.virtualThreads = virtualThreads;
    }

    /** The person's {@code "Bearer …"}, or throws the redirect to sign in (and back to {@code returnTo}). */
    public String requireSignIn(String returnTo) {
        return requireSignIn(viewer, returnTo);
    }

    private static String requireSignIn(Viewer viewer, String returnTo) {
        String bearer = viewer.isSignedIn() ? viewer.bearer() : null;
        if (bearer == null) {
            // Never signed in, or users refused the refresh (the session ended there).
            throw signIn(returnTo);
        }
        return bearer;
    }

    /** For a form post: the CSRF token first, then the sign-in. */
    public String requireSignIn(String returnTo, String csrf) {
        viewer.requireCsrf(csrf);
        return requireSignIn(returnTo);
    }

    /**
     * Makes a call on the person's behalf. A {@link Refused} other than 401 is the service's answer about the
     * request and comes back to the page to show; a 401 signs the browser out and sends it to sign in; any other
     * failure is the service being unreachable: a 503 page.
     */
    public <T> T call(String returnTo, Outage outage, Function<String, T> call) {
        String bearer = requireSignIn(returnTo);
        try {
            return call.apply(bearer);
        } catch (RuntimeException e) {
            throw failure(viewer, returnTo, outage, e);
        }
    }

    /**
     * {@link #call} from the event loop, for a call that answers a {@link Uni}: nothing here blocks unless the
     * access token is due for a refresh, which is then done on a virtual thread first. The request's own
     * {@link Viewer} is used, not its proxy: the answer may arrive where no request context is current.
     */
    public <T> Uni<T> callSoon(String returnTo, Outage outage, Function<String, Uni<T>> call) {
        Viewer mine = ClientProxy.unwrap(viewer);
        Uni<String> bearer = Uni.createFrom().item(() -> requireSignIn(mine, returnTo));
        if (mine.refreshDue()) {
            bearer = bearer.runSubscriptionOn(virtualThreads);
        }
        return bearer.chain(b -> call.apply(b)).onFailure().transform(e -> failure(mine, returnTo, outage, e));
    }

    /**
     * What a failed call becomes: a {@link Refused} other than 401 stays the service's answer; a 401 signs the
     * browser out and sends it to sign in; a redirect stays one; anything else is the service being unreachable.
     */
    private RuntimeException failure(Viewer viewer, String returnTo, Outage outage, Throwable e) {
        if (e instanceof Refused refused) {
            if (refused.status() != 401) {
                return refused;
            }
            LOG.debugf("a service refused the session's token (%s): signing the browser out", refused.code());
            viewer.update(viewer.session().withSignIn(null));
            viewer.flash("Your session has ended. Please sign in again.");
            return signIn(returnTo);
        }
        if (e instanceof WebApplicationException redirect
                && redirect.getResponse().getStatus() / 100 == 3) {
            return redirect;
        }
        return unavailable(outage, e);
    }

    /** The same for a call that answers nothing. */
    public void run(String returnTo, Outage outage, java.util.function.Consumer<String> call) {
        call(returnTo, outage, bearer -> {
            call.accept(bearer);
            return null;
        });
    }

    /** A public call (no sign-in: registration, recovery): only the failure mapping. */
    public <T> T anonymous(Outage outage, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(outage, e);
        }
    }

    private ProblemException unavailable(Outage outage, Throwable cause) {
        LOG.debugf(cause, "%s", outage.code());
        return ProblemException.unavailable(outage.code(), outage.message(), config.retryAfterSeconds());
    }

    private static WebApplicationException signIn(String returnTo) {
        String next = returnTo == null ? "/account" : returnTo;
        return new WebApplicationException(
                Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                        .build());
    }
}
