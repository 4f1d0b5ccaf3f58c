package com.scalecommerce.web.events;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The worst Redis outage for a caller: a server that accepts connections and then never answers (a hung Redis, a
 * black-holed network), so every command waits for its full timeout. A refused connection would fail fast and
 * prove nothing about the pages waiting.
 */
public class UnansweringRedis implements QuarkusTestResourceLifecycleManager {

    /** Long enough for the test's pages to be served within one hanging write even on a busy machine. */
    static final int REDIS_TIMEOUT_SECONDS = 15;

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread acceptor;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = Thread.ofVirtual().name("unanswering-redis").start(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + server.getLocalPort(),
                "quarkus.redis.timeout", REDIS_TIMEOUT_SECONDS + "s",
                "scalecommerce.web.events.write-timeout", REDIS_TIMEOUT_SECONDS + "s");
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a test server: nothing to do about a failure
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // as above
            }
        }
    }
}
