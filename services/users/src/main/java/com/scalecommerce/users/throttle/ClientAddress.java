package com.scalecommerce.users.throttle;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The caller's address. Quarkus replaces the remote address with X-Forwarded-For / Forwarded only when
 * proxy forwarding is configured (quarkus.http.proxy.*), so a client cannot pick its own address otherwise.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return "unknown";
        }
        return remote.hostAddress();
    }
}
