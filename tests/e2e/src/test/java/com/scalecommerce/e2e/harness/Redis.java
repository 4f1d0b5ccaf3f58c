package com.scalecommerce.e2e.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the Redis protocol (RESP2) for what the tests do to the run's database: empty it before a run,
 * read a stream and append entries to it (a duplicate injected as a faulty producer or a redelivery would). A
 * client library would be the only dependency for four commands.
 */
public final class Redis {

    /** One stream entry: its id and its fields (the services write one, {@code event}, the CloudEvent JSON). */
    public record Entry(String id, Map<String, String> fields) {}

    private final String host;
    private final int port;
    private final int database;

    Redis(String host, int port, int database) {
        this.host = host;
        this.port = port;
        this.database = database;
    }

    void flushDatabase() {
        Object reply = call("FLUSHDB");
        if (!"OK".equals(reply)) {
            throw new IllegalStateException("Redis answered " + reply + " to FLUSHDB");
        }
    }

    /** Every entry of the stream, oldest first. */
    public List<Entry> entries(String stream) {
        var entries = new ArrayList<Entry>();
        for (Object item : (List<?>) call("XRANGE", stream, "-", "+")) {
            List<?> pair = (List<?>) item;
            List<?> flat = (List<?>) pair.get(1);
            var fields = new LinkedHashMap<String, String>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.put((String) flat.get(i), (String) flat.get(i + 1));
            }
            entries.add(new Entry((String) pair.get(0), fields));
        }
        return entries;
    }

    /** XADD with a new entry id; answers it. */
    public String append(String stream, Map<String, String> fields) {
        var words = new ArrayList<String>(List.of("XADD", stream, "*"));
        fields.forEach((name, value) -> {
            words.add(name);
            words.add(value);
        });
        return (String) call(words.toArray(String[]::new));
    }

    /** One command on a fresh connection to the run's database: the tests call rarely, simplicity wins. */
    private Object call(String... words) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(command("SELECT", Integer.toString(database)));
            out.write(command(words));
            out.flush();
            Object selected = read(in);
            if (!"OK".equals(selected)) {
                throw new IllegalStateException("Redis answered " + selected + " to SELECT " + database);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach Redis on " + host + ":" + port, e);
        }
    }

    private static byte[] command(String... words) {
        var resp = new ByteArrayOutputStream();
        resp.writeBytes(("*" + words.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String word : words) {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            resp.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            resp.writeBytes(bytes);
            resp.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return resp.toByteArray();
    }

    /** A reply: simple string, integer (Long), bulk string (null when nil), or array (List); errors throw. */
    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case ':' -> Long.parseLong(line);
            case '-' -> throw new IllegalStateException("Redis error: " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length);
                in.readNBytes(2); // CRLF
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    yield null;
                }
                var items = new ArrayList<Object>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                yield items;
            }
            default -> throw new IllegalStateException("unexpected Redis reply type " + (char) type + line);
        };
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            bytes.write(b);
        }
        in.read(); // LF
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
