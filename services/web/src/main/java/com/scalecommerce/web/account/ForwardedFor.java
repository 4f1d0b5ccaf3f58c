package com.scalecommerce.web.account;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Tells users which browser a call is for. Users throttles sign-in failures, registrations and password-reset mails
 * per client address; every call from the web tier comes from the web tier's address, so without this header those
 * limits would count the whole shop's traffic as one client. Users honours X-Forwarded-For only from its trusted
 * proxies ({@code USERS_TRUSTED_PROXIES}: the web tier and the edge), so a browser cannot choose its own address.
 * The browser's address here is what Vert.x reports, itself taken from the edge's X-Forwarded-For when the web tier
 * trusts the edge ({@code WEB_TRUSTED_PROXIES}).
 */
@ApplicationScoped
public class ForwardedFor implements ClientHeadersFactory {

    private final CurrentVertxRequest current;

    ForwardedFor(CurrentVertxRequest current) {
        this.current = current;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        var headers = new MultivaluedHashMap<String, String>();
        try {
            var routing = current.getCurrent();
            if (routing != null && routing.request().remoteAddress() != null) {
                String address = routing.request().remoteAddress().hostAddress();
                if (address != null) {
                    headers.putSingle("X-Forwarded-For", address);
                }
            }
        } catch (ContextNotActiveException e) {
            // Not on behalf of a browser request (e.g. a background task): nothing to forward.
        }
        return headers;
    }
}
