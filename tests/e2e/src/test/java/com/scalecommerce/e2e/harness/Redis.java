package com.scalecommerce.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the Redis protocol to empty one logical database before a run; a client library would be
 * the only dependency for two commands.
 */
final class Redis {

    private Redis() {}

    static void flushDatabase(String host, int port, int database) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out.write(command("SELECT", Integer.toString(database)));
            out.write(command("FLUSHDB"));
            out.flush();
            for (String step : new String[] {"SELECT " + database, "FLUSHDB"}) {
                String reply = in.readLine();
                if (reply == null || !reply.startsWith("+OK")) {
                    throw new IllegalStateException("Redis answered " + reply + " to " + step);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach Redis on " + host + ":" + port, e);
        }
    }

    private static byte[] command(String... words) {
        var resp = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
