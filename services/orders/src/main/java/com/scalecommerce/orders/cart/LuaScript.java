package com.scalecommerce.orders.cart;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script that Redis runs by its SHA-1 ({@code EVALSHA}). Redis keeps every script it has run, so the text
 * (about a kilobyte for a cart change with its event publisher) crosses the socket and is hashed by Redis once,
 * not on every change. After a Redis restart or {@code SCRIPT FLUSH} the first {@code EVALSHA} is answered
 * {@code NOSCRIPT}; the script is then sent once with {@code EVAL}, which also caches it again.
 */
record LuaScript(String source, String sha1) {

    static LuaScript of(String source) {
        try {
            var digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** {@code keysAndArgs}: the number of keys, the keys, then the arguments, as EVAL takes them after the script. */
    Uni<Response> run(ReactiveRedisDataSource redis, String... keysAndArgs) {
        return redis.execute("EVALSHA", prepend(sha1, keysAndArgs))
                .onFailure(LuaScript::notCached)
                .recoverWithUni(() -> redis.execute("EVAL", prepend(source, keysAndArgs)));
    }

    private static boolean notCached(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
