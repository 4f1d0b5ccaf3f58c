import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator for the orders service's shopping paths, one virtual thread per virtual user.
 *
 * <pre>
 * java load/ShopLoad.java checkout --product ID --sku SKU --method SHIPPING_METHOD_ID [--country US] [options]
 * java load/ShopLoad.java cart     --product ID --sku SKU [options]
 *   --product and --sku may list several, comma-separated and paired by position: user i buys item i mod n
 *   --url http://127.0.0.1:8083   --duration 30s   --concurrency 32   --warmup 10s   --timeout 30s
 * </pre>
 *
 * checkout: each user adds one unit to a new guest cart, then checks out with a fresh Idempotency-Key and
 * pm_card_visa. cart: each user keeps one guest cart and loops add / view / change / remove.
 *
 * Why not wrk: a checkout needs the cart token of the add before it, and each checkout its own key. Every
 * latency is kept (no histogram buckets) and sorted at the end, so the percentiles are exact. A call counts
 * when it started after the warm-up and finished before the end; the warm-up is measured only for its errors.
 * Exit status 1 when a measured call failed (a non-2xx answer or no answer).
 */
public class ShopLoad {

    public static void main(String[] args) throws Exception {
        String usage = "usage: java load/ShopLoad.java checkout|cart --product ID[,ID...] --sku SKU[,SKU...]"
                + " [--method SHIPPING_METHOD_ID --country US] [--url URL] [--duration 30s]"
                + " [--concurrency 32] [--warmup 10s] [--timeout 30s]";
        if (args.length == 0 || !(args[0].equals("checkout") || args[0].equals("cart"))) {
            System.err.println(usage);
            System.exit(2);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage);
            System.exit(2);
            return;
        }
        int failed = new ShopLoad(args[0], options).run();
        System.exit(failed == 0 ? 0 : 1);
    }

    record Options(
            String url,
            List<Item> items,
            String methodId,
            String country,
            Duration duration,
            Duration warmup,
            Duration timeout,
            int concurrency) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                given.put(args[i].substring(2), args[++i]);
            }
            Options options = new Options(
                    given.getOrDefault("url", "http://127.0.0.1:8083"),
                    Item.pairs(required(given, "product"), required(given, "sku")),
                    given.get("method"),
                    given.getOrDefault("country", "US"),
                    duration(given.getOrDefault("duration", "30s")),
                    duration(given.getOrDefault("warmup", "10s")),
                    duration(given.getOrDefault("timeout", "30s")),
                    Integer.parseInt(given.getOrDefault("concurrency", "32")));
            if (args[0].equals("checkout") && options.methodId == null) {
                throw new IllegalArgumentException("checkout needs --method (a shipping method id)");
            }
            return options;
        }

        private static String required(Map<String, String> given, String name) {
            String value = given.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        /** 30s, 2m, 500ms, or plain seconds. */
        static Duration duration(String text) {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        }
    }

    /** What a user puts in the cart: one unit of a product's SKU. */
    record Item(String productId, String sku) {
        static List<Item> pairs(String products, String skus) {
            String[] p = products.split(",");
            String[] s = skus.split(",");
            if (p.length != s.length) {
                throw new IllegalArgumentException("--product and --sku must list as many values each");
            }
            var items = new ArrayList<Item>();
            for (int i = 0; i < p.length; i++) {
                items.add(new Item(p[i].trim(), s[i].trim()));
            }
            return List.copyOf(items);
        }
    }

    /** One kind of call: its latencies (only measured ones) and its failures, by status or exception. */
    static final class Operation {
        final String name;
        final List<long[]> perUser = new ArrayList<>();
        final Map<String, LongAdder> measuredFailures = new ConcurrentHashMap<>();
        final Map<String, LongAdder> warmupFailures = new ConcurrentHashMap<>();

        Operation(String name) {
            this.name = name;
        }

        long[] sorted() {
            int n = 0;
            for (long[] samples : perUser) {
                n += (int) samples[0];
            }
            long[] all = new long[n];
            int at = 0;
            for (long[] samples : perUser) {
                int count = (int) samples[0];
                System.arraycopy(samples, 1, all, at, count);
                at += count;
            }
            Arrays.sort(all);
            return all;
        }

        long failures() {
            return measuredFailures.values().stream().mapToLong(LongAdder::sum).sum();
        }
    }

    /**
     * A user's samples for one operation, growing as needed; slot 0 holds the count. Each user writes only its
     * own recorder, so recording needs no lock; they are read after every user has finished.
     */
    static final class Recorder {
        private final Operation operation;
        private long[] samples = new long[1 + 4096];

        Recorder(Operation operation) {
            this.operation = operation;
            synchronized (operation.perUser) {
                operation.perUser.add(samples);
            }
        }

        void add(long nanos) {
            int count = (int) samples[0];
            if (count + 1 == samples.length) {
                long[] bigger = Arrays.copyOf(samples, samples.length * 2);
                synchronized (operation.perUser) {
                    operation.perUser.set(operation.perUser.indexOf(samples), bigger);
                }
                samples = bigger;
            }
            samples[count + 1] = nanos;
            samples[0] = count + 1;
        }
    }

    /** What one call answered; status -1 when there was no answer (timeout, refused connection). */
    record Answer(int status, String body, String cartToken, String failure, boolean ok) {}

    private final String mode;
    private final Options options;
    private final HttpClient http;
    private final AtomicLong emails = new AtomicLong();
    private long measureFrom;
    private long measureUntil;

    ShopLoad(String mode, Options options) {
        this.mode = mode;
        this.options = options;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    int run() throws InterruptedException {
        List<Operation> operations = mode.equals("checkout")
                ? List.of(new Operation("checkout"), new Operation("add"))
                : List.of(
                        new Operation("add"), new Operation("view"), new Operation("change"), new Operation("remove"));
        long start = System.nanoTime();
        measureFrom = start + options.warmup.toNanos();
        measureUntil = measureFrom + options.duration.toNanos();
        System.out.printf(
                "%s: %d virtual users on %d SKU(s), %d s warm-up (not counted), then %d s measured, against %s%n",
                mode,
                options.concurrency,
                options.items.size(),
                options.warmup.toSeconds(),
                options.duration.toSeconds(),
                options.url);
        var finished = new ArrayList<java.util.concurrent.Future<Object>>();
        try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < options.concurrency; i++) {
                Item item = options.items.get(i % options.items.size());
                finished.add(users.submit(() -> {
                    if (mode.equals("checkout")) {
                        checkoutUser(item, operations.get(0), operations.get(1));
                    } else {
                        cartUser(item, operations.get(0), operations.get(1), operations.get(2), operations.get(3));
                    }
                    return null;
                }));
            }
        }
        // A user that died of a bug here would silently lower the load: say so, and fail the run.
        int died = 0;
        for (var user : finished) {
            try {
                user.get();
            } catch (java.util.concurrent.ExecutionException e) {
                died++;
                System.err.println("a virtual user stopped: " + e.getCause());
            }
        }
        return report(operations) + died;
    }

    // --- the users ---------------------------------------------------------------------------------------

    private void checkoutUser(Item item, Operation checkout, Operation add) throws InterruptedException {
        var checkouts = new Recorder(checkout);
        var adds = new Recorder(add);
        while (System.nanoTime() < measureUntil) {
            Answer added = call(add, adds, addItem(item, null), 200);
            if (!added.ok() || added.cartToken == null) {
                pauseAfterFailure();
                continue;
            }
            // Only 201 is a paid order: a 200 would be a replay of an earlier answer, which a fresh key rules out.
            Answer paid = call(checkout, checkouts, checkoutRequest(added.cartToken), 201);
            if (!paid.ok()) {
                pauseAfterFailure();
            }
        }
    }

    private void cartUser(Item item, Operation add, Operation view, Operation change, Operation remove)
            throws InterruptedException {
        var adds = new Recorder(add);
        var views = new Recorder(view);
        var changes = new Recorder(change);
        var removes = new Recorder(remove);
        String token = null;
        while (System.nanoTime() < measureUntil) {
            Answer added = call(add, adds, addItem(item, token), 200);
            if (!added.ok()) {
                pauseAfterFailure();
                continue;
            }
            token = added.cartToken;
            String sku = encode(item.sku());
            boolean ok = call(view, views, cartRequest("/api/cart", token).GET(), 200)
                            .ok()
                    & call(change, changes, cartRequest("/api/cart/items/" + sku, token)
                                    .method("PATCH", json("{\"quantity\":2}")), 200)
                            .ok()
                    & call(remove, removes, cartRequest("/api/cart/items/" + sku, token).DELETE(), 200)
                            .ok();
            if (!ok) {
                pauseAfterFailure();
            }
        }
    }

    /** A failing server is not hammered in a tight loop; the pause is short against any measured latency. */
    private static void pauseAfterFailure() throws InterruptedException {
        Thread.sleep(50);
    }

    // --- requests ----------------------------------------------------------------------------------------

    private HttpRequest.Builder addItem(Item item, String token) {
        String body = "{\"productId\":\"" + escape(item.productId()) + "\",\"sku\":\"" + escape(item.sku())
                + "\",\"quantity\":1}";
        return cartRequest("/api/cart/items", token).POST(json(body));
    }

    private HttpRequest.Builder checkoutRequest(String token) {
        String body = "{\"email\":\"bench-" + emails.incrementAndGet() + "@example.com\","
                + "\"shippingAddress\":{\"recipientName\":\"Bench Shopper\",\"line1\":\"1 Load Street\","
                + "\"city\":\"Springfield\",\"postalCode\":\"12345\",\"country\":\"" + escape(options.country)
                + "\"},"
                + "\"shippingMethodId\":\"" + escape(options.methodId) + "\","
                + "\"paymentMethod\":\"pm_card_visa\"}";
        return cartRequest("/api/checkout", token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(json(body));
    }

    private HttpRequest.Builder cartRequest(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(options.url + path))
                .timeout(options.timeout)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("X-Cart-Token", token);
        }
        return request;
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /**
     * Sends, times and classifies one call: any status but the expected one is a failure, counted by status and
     * problem code. A sample counts only inside the measured window.
     */
    private Answer call(Operation operation, Recorder recorder, HttpRequest.Builder builder, int expected) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        long started = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answer = new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("X-Cart-Token").orElse(null),
                    null,
                    response.statusCode() == expected);
        } catch (IOException e) {
            answer = new Answer(-1, null, null, e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(-1, null, null, "interrupted", false);
        }
        long ended = System.nanoTime();
        if (!answer.ok()) {
            String what = answer.failure != null
                    ? answer.failure
                    : "status " + answer.status + " " + problemCode(answer.body);
            count(operation, what, started);
        } else if (started >= measureFrom && ended <= measureUntil) {
            recorder.add(ended - started);
        }
        return answer;
    }

    private void count(Operation operation, String what, long started) {
        var failures = started >= measureFrom ? operation.measuredFailures : operation.warmupFailures;
        failures.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    /** The problem+json {@code code}, enough to tell failures apart without a JSON library. */
    static String problemCode(String body) {
        if (body == null) {
            return "";
        }
        int key = body.indexOf("\"code\"");
        if (key < 0) {
            return "";
        }
        int open = body.indexOf('"', body.indexOf(':', key) + 1);
        int close = open < 0 ? -1 : body.indexOf('"', open + 1);
        return open < 0 || close < 0 ? "" : body.substring(open + 1, close);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String encode(String pathSegment) {
        return java.net.URLEncoder.encode(pathSegment, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    // --- report ------------------------------------------------------------------------------------------

    private int report(List<Operation> operations) {
        double seconds = options.duration.toNanos() / 1e9;
        long total = 0;
        Map<String, long[]> sorted = new LinkedHashMap<>();
        for (Operation operation : operations) {
            long[] samples = operation.sorted();
            sorted.put(operation.name, samples);
            total += samples.length;
        }
        if (mode.equals("checkout")) {
            long paid = sorted.get("checkout").length;
            System.out.printf("  checkouts/s %10.1f   (%d paid checkouts (201) in %.0f s)%n", paid / seconds, paid, seconds);
        } else {
            System.out.printf("  cart ops/s  %10.1f   (%d successful calls in %.0f s)%n", total / seconds, total, seconds);
        }
        System.out.printf("  %-9s %8s %9s %9s %9s %9s %9s%n", "call", "n", "ops/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (var entry : sorted.entrySet()) {
            long[] s = entry.getValue();
            System.out.printf(
                    "  %-9s %8d %9.1f %9s %9s %9s %9s%n",
                    entry.getKey(),
                    s.length,
                    s.length / seconds,
                    ms(percentile(s, 50)),
                    ms(percentile(s, 95)),
                    ms(percentile(s, 99)),
                    ms(s.length == 0 ? -1 : s[s.length - 1]));
        }
        int failed = 0;
        Map<String, Long> measured = new TreeMap<>();
        Map<String, Long> warmup = new TreeMap<>();
        for (Operation operation : operations) {
            operation.measuredFailures.forEach((what, n) -> measured.put(operation.name + " " + what, n.sum()));
            operation.warmupFailures.forEach((what, n) -> warmup.put(operation.name + " " + what, n.sum()));
            failed += (int) operation.failures();
        }
        System.out.println("  non-2xx / failed calls (measured): " + (measured.isEmpty() ? "none" : ""));
        measured.forEach((what, n) -> System.out.printf("    %-60s %d%n", what, n));
        if (!warmup.isEmpty()) {
            System.out.println("  non-2xx / failed calls during the warm-up:");
            warmup.forEach((what, n) -> System.out.printf("    %-60s %d%n", what, n));
        }
        return failed;
    }

    /** Nearest-rank percentile of sorted samples; -1 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format("%.1f", nanos / 1e6);
    }
}
