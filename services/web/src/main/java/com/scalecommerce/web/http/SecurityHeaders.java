package com.scalecommerce.web.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security baseline on every response, pages, assets, errors and Quarkus' own 404s alike: a filter on the
 * HTTP layer rather than a JAX-RS response filter, because a JAX-RS filter never sees responses JAX-RS did not
 * produce. Scripts and styles come from this origin only (no inline script: the page JS is a static file); images
 * may also come from products' media URLs. A response that set no Cache-Control is a page: browsers revalidate it.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String contentSecurityPolicy;

    SecurityHeaders(@ConfigProperty(name = "scalecommerce.products.url") String productsUrl) {
        URI products = URI.create(productsUrl);
        String productsOrigin = products.getScheme() + "://" + products.getAuthority();
        this.contentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: "
                        + productsOrigin
                        + "; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    var headers = rc.response().headers();
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("X-Frame-Options", "DENY");
                    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
                    rc.addHeadersEndHandler(ignored -> {
                        // Set at the end, unless the page set its own: the checkout's Stripe step widens the policy
                        // for that page alone, and two CSP headers would both be enforced (the stricter wins).
                        if (!rc.response().headers().contains("Content-Security-Policy")) {
                            rc.response().headers().set("Content-Security-Policy", contentSecurityPolicy);
                        }
                        if (!rc.response().headers().contains("Cache-Control")) {
                            rc.response().headers().set("Cache-Control", "no-cache");
                        }
                    });
                    rc.next();
                },
                100);
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }
}
