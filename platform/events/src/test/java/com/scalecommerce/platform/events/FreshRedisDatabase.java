package com.scalecommerce.platform.events;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Empties the tests' Redis database before the application starts, so the streams and consumer groups of an
 * earlier run (the database is emptied by Flyway too) cannot leak into this one. Speaks RESP on a plain socket
 * because no Redis client exists yet at that point.
 */
public class FreshRedisDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        URI redis = URI.create(System.getenv().getOrDefault("EVENTS_TEST_REDIS_URL", "redis://127.0.0.1:6379/2"));
        String database = redis.getPath() == null || redis.getPath().length() < 2
                ? "0"
                : redis.getPath().substring(1);
        try (Socket socket = new Socket(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
                BufferedReader replies =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream commands = socket.getOutputStream();
            send(commands, "SELECT", database);
            expectOk(replies);
            send(commands, "FLUSHDB");
            expectOk(replies);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis for the tests is not reachable at " + redis, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {}

    private static void send(OutputStream out, String... words) throws IOException {
        StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            command.append('$')
                    .append(word.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(word)
                    .append("\r\n");
        }
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void expectOk(BufferedReader replies) throws IOException {
        String reply = replies.readLine();
        if (!"+OK".equals(reply)) {
            throw new IllegalStateException("Redis answered " + reply);
        }
    }
}
