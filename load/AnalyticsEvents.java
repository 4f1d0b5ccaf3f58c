import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a year of a shop's events onto the services' Redis streams, as their outboxes (and the web app) publish
 * them: CloudEvents JSON in the field {@code event}. The mix follows a storefront funnel: views and searches from
 * anonymous sessions and customers, cart adds, checkout starts, orders placed and paid with their lines, some
 * cancelled or refunded, stock adjusted by every sale, new customers registering, the catalog created first and
 * repriced now and then. Deterministic for a given count (seeded), timestamps spread evenly over the year before
 * now, each order's events in their real order.
 *
 * <p>XADD is pipelined over one raw socket (RESP) in batches, so the generator is not what a benchmark measures.
 *
 * <pre>java load/AnalyticsEvents.java --events 1000000 [--redis 127.0.0.1:6379] [--db 6]</pre>
 */
public class AnalyticsEvents {

    private static final int PRODUCTS = 2_000;
    private static final int CUSTOMERS = 20_000;
    private static final int BATCH = 2_000;
    private static final String[] WORDS = {
        "mug", "red mug", "tea", "coffee", "kettle", "lamp", "desk lamp", "chair", "notebook", "pen", "backpack",
        "socks", "t-shirt", "hoodie", "water bottle", "candle", "plant pot", "blanket", "speaker", "charger",
        "unicorn saddle", "glow paint", "left-handed scissors"
    };

    private final Random random = new Random(20_260_101L);
    private final Pipeline redis;
    private final long target;
    private final Instant start;
    private final Duration span = Duration.ofDays(365);
    private final UUID[] productIds = new UUID[PRODUCTS];
    private final int[] prices = new int[PRODUCTS];
    private final int[] stock = new int[PRODUCTS];
    private final UUID[] customers = new UUID[CUSTOMERS];
    private int registered;
    private long written;
    private long orderNumber = 100_001;

    AnalyticsEvents(Pipeline redis, long target) {
        this.redis = redis;
        this.target = target;
        this.start = Instant.now().minus(span).truncatedTo(ChronoUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        long events = 1_000_000;
        String redisAddress = "127.0.0.1:6379";
        int db = 6;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[i + 1]);
                case "--redis" -> redisAddress = args[i + 1];
                case "--db" -> db = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String[] hostPort = redisAddress.split(":");
        long started = System.nanoTime();
        try (var pipeline = new Pipeline(hostPort[0], Integer.parseInt(hostPort[1]), db)) {
            long written = new AnalyticsEvents(pipeline, events).generate();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("wrote %d events in %.1f s (%.0f events/s)%n", written, seconds, written / seconds);
        }
    }

    long generate() throws IOException {
        Instant catalogTime = start.minusSeconds(3_600);
        for (int p = 0; p < PRODUCTS; p++) {
            productIds[p] = uuid();
            prices[p] = 199 + random.nextInt(200) * 100 + 99;
            stock[p] = 500 + random.nextInt(500);
            emit("products", "product.created", productIds[p].toString(), catalogTime.plusSeconds(p), product(p));
            emit("products", "inventory.adjusted", sku(p), catalogTime.plusSeconds(p), inventory(p, stock[p]));
        }
        // One "visit" is about 25 events; spread the visits evenly over the year.
        long visits = Math.max(1, (target - written) / 25);
        long step = span.toMillis() / visits;
        for (long v = 0; written < target; v++) {
            visit(start.plusMillis(v * step + random.nextLong(Math.max(1, step))));
        }
        redis.flush();
        return written;
    }

    /** A session: browsing and searching, sometimes a cart and a checkout, sometimes an order and its aftermath. */
    private void visit(Instant t) throws IOException {
        String session = "s:" + Long.toHexString(random.nextLong());
        UUID customer = null;
        if (random.nextInt(10) < 4) {
            if (registered == 0 || (registered < CUSTOMERS && random.nextInt(5) == 0)) {
                customers[registered] = uuid();
                emit("users", "user.registered", customers[registered].toString(), t, json("userId", customers[registered]));
                registered++;
            }
            customer = customers[random.nextInt(registered)];
        }
        int views = 6 + random.nextInt(14);
        for (int i = 0; i < views; i++) {
            int p = popularProduct();
            emit("web", "product.viewed", productIds[p].toString(), t.plusSeconds(20L * i), json(
                    "productId", productIds[p], "sessionId", session, "userId", customer));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            String query = WORDS[random.nextInt(WORDS.length)];
            long results = query.contains("unicorn") || query.contains("glow") ? 0 : 1 + random.nextInt(80);
            emit("products", "search.performed", null, t.plusSeconds(7L * i), json(
                    "query", random.nextBoolean() ? query : " " + query.toUpperCase() + " ", "resultCount", results,
                    "sessionId", session));
        }
        if (random.nextInt(10) < 3) {
            String cart = customer == null ? "g:" + Long.toHexString(random.nextLong()) : "c:" + customer;
            var lines = new ArrayList<int[]>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                int p = popularProduct();
                int quantity = 1 + random.nextInt(2);
                lines.add(new int[] {p, quantity});
                emit("orders", "cart.item_added", cart, t.plusSeconds(60L * lines.size()), json(
                        "cartId", cart, "userId", customer, "productId", productIds[p], "sku", sku(p),
                        "quantity", quantity));
            }
            if (random.nextInt(10) < 6) {
                UUID order = uuid();
                Instant checkout = t.plusSeconds(600);
                emit("orders", "checkout.started", cart, checkout, json(
                        "cartId", cart, "userId", customer, "itemCount", lines.size(), "orderId", order));
                if (random.nextInt(10) < 7) {
                    order(order, customer, lines, checkout);
                }
            }
        }
    }

    private void order(UUID order, UUID customer, List<int[]> lines, Instant t) throws IOException {
        long number = orderNumber++;
        long subtotal = 0;
        var lineJson = new StringBuilder("[");
        for (int[] line : lines) {
            subtotal += (long) prices[line[0]] * line[1];
            if (lineJson.length() > 1) {
                lineJson.append(',');
            }
            lineJson.append(json("productId", productIds[line[0]], "sku", sku(line[0]), "quantity", line[1],
                    "unitPriceMinor", prices[line[0]]));
        }
        lineJson.append(']');
        long total = subtotal + 500 + subtotal / 10;
        String id = order.toString();
        emit("orders", "order.placed", id, t, orderJson(order, number, customer, total, "PENDING_PAYMENT", ""));
        if (random.nextInt(20) == 0) {
            return; // declined, never paid
        }
        Instant paid = t.plusSeconds(3);
        emit("orders", "order.paid", id, paid, orderJson(order, number, customer, total, "PAID",
                ",\"lines\":" + lineJson));
        for (int[] line : lines) {
            int p = line[0];
            stock[p] -= line[1];
            if (stock[p] < 20) {
                stock[p] += 500; // restocked
            }
            emit("products", "inventory.adjusted", sku(p), paid.plusMillis(10), inventory(p, stock[p]));
            if (stock[p] < 40) {
                emit("products", "inventory.low", sku(p), paid.plusMillis(20), inventory(p, stock[p]));
            }
        }
        int fate = random.nextInt(100);
        if (fate < 4) {
            emit("orders", "order.cancelled", id, paid.plusSeconds(1_800), orderJson(order, number, customer, total,
                    "CANCELLED", ",\"refundMinor\":" + total));
        } else if (fate < 7) {
            emit("orders", "order.refunded", id, paid.plus(Duration.ofDays(3)), orderJson(order, number, customer,
                    total, "PARTIALLY_REFUNDED", ",\"amountMinor\":" + total / 3));
        } else if (fate < 85) {
            emit("orders", "order.shipped", id, paid.plus(Duration.ofDays(1)), orderJson(order, number, customer,
                    total, "SHIPPED", ",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z" + number + "\""));
        }
        if (random.nextInt(200) == 0) {
            int p = lines.getFirst()[0];
            prices[p] += 100;
            emit("products", "product.updated", productIds[p].toString(), paid.plusSeconds(5), product(p));
        }
    }

    /** The popular few sell most: a skewed pick over the catalog. */
    private int popularProduct() {
        double u = random.nextDouble();
        return (int) (PRODUCTS * u * u * u);
    }

    private String product(int p) {
        return "{\"productId\":\"" + productIds[p] + "\",\"name\":\"Product " + p + "\",\"currency\":\"USD\","
                + "\"status\":\"ACTIVE\",\"categoryIds\":[\"" + new UUID(0, 1 + p % 12) + "\"],"
                + "\"variants\":[{\"sku\":\"" + sku(p) + "\",\"priceMinor\":" + prices[p] + "}]}";
    }

    private String inventory(int p, int onHand) {
        return json("sku", sku(p), "productId", productIds[p], "onHand", onHand, "reserved", 0, "available", onHand,
                "lowStockThreshold", 40);
    }

    private static String orderJson(UUID order, long number, UUID customer, long total, String status, String more) {
        return "{\"orderId\":\"" + order + "\",\"number\":" + number
                + (customer == null ? "" : ",\"userId\":\"" + customer + "\"")
                + ",\"currency\":\"USD\",\"totalMinor\":" + total + ",\"status\":\"" + status + "\"" + more + "}";
    }

    private static String sku(int p) {
        return "BENCH-" + p;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** A flat JSON object of name/value pairs; null values are left out, numbers unquoted. */
    private static String json(Object... pairs) {
        var out = new StringBuilder("{");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(pairs[i]).append("\":");
            if (value instanceof Number) {
                out.append(value);
            } else {
                out.append('"').append(value.toString().replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }

    private void emit(String service, String type, String subject, Instant at, String data) throws IOException {
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + uuid() + "\",\"source\":\"" + service + "\",\"type\":\""
                + type + "\",\"time\":\"" + at + "\"" + (subject == null ? "" : ",\"subject\":\"" + subject + "\"")
                + ",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        redis.xadd("events:" + service, event);
        written++;
    }

    /** XADD pipelined over one socket: a batch of commands written, then their replies read. */
    static final class Pipeline implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private int unanswered;

        Pipeline(String host, int port, int db) throws IOException {
            socket = new Socket(host, port);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            send("SELECT", Integer.toString(db));
            flush();
        }

        void xadd(String stream, String event) throws IOException {
            send("XADD", stream, "*", "event", event);
            if (unanswered >= BATCH) {
                flush();
            }
        }

        void flush() throws IOException {
            out.flush();
            for (; unanswered > 0; unanswered--) {
                String reply = line();
                if (reply.startsWith("-")) {
                    throw new IOException("Redis: " + reply);
                }
                if (reply.startsWith("$")) {
                    in.readNBytes(Integer.parseInt(reply.substring(1)) + 2);
                }
            }
        }

        private void send(String... words) throws IOException {
            var command = new ByteArrayOutputStream();
            command.writeBytes(("*" + words.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String word : words) {
                byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
                command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                command.writeBytes(bytes);
                command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            command.writeTo(out);
            unanswered++;
        }

        private String line() throws IOException {
            var bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\r'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("Redis closed the connection");
                }
                bytes.write(b);
            }
            in.read();
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            flush();
            socket.close();
        }
    }
}
