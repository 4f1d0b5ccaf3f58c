import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The storefront's browse journey as real browsers make it, one platform thread per shopper, each with its own
 * session cookie: every POST carries the CSRF token of the page its form came from, redirects are not followed
 * (a 303 is the expected answer of a form), and each answer is checked for the status a browser would get.
 * Platform threads, because one blocked in a socket read is woken by the kernel directly, where a virtual thread
 * is woken through the JDK's poller thread: one more thread switch per request on the cores the platform shares.
 *
 * <pre>
 * java load/WebJourney.java --accounts FILE [--mode sign-in-each|signed-in] [--url http://127.0.0.1:8080]
 *     [--shoppers 32] [--duration 30s] [--warmup 10s] [--account-page /account]
 * </pre>
 *
 * FILE holds one {@code email password} per line; shopper i uses line i mod n. The journey, per loop:
 * sign-in-each: home, sign-in form (GET /login: the form's CSRF token), sign in (POST /login), category, product,
 * add to cart (POST /cart/items), account page, remove that item again (POST /cart/items/{sku}/remove, so the
 * customer's cart stays one line however long the run), sign out (POST /logout).
 * signed-in: sign in once per shopper before the run, then loop home, category, product, add, account, remove.
 * Categories and products rotate over what the home page and the category pages link to.
 *
 * <p>HTTP/1.1 is spoken over one kept-alive socket per shopper by the few lines of {@link Connection}, as wrk does:
 * the JDK's HttpClient cost 0.2 ms of CPU per request, which on a 2-core box running the whole platform is CPU the
 * platform no longer has, and it showed up in the figures as a lower ceiling.
 *
 * <p>An unexpected answer starts the shopper's loop over; a 503 or 429 with Retry-After (a service shedding load, such
 * as users when every password-hashing slot is taken) is first waited for, as a person would, at most 10 s.
 *
 * <p>Every latency is kept and sorted at the end (exact percentiles). A request counts when it started after the
 * warm-up and finished before the end. Exit status 1 when a measured request got an unexpected answer.
 */
public class WebJourney {

    /** Where a form's CSRF token starts: found with {@code indexOf}, far cheaper than a regex over every page. */
    private static final String CSRF_FIELD = "name=\"_csrf\" value=\"";
    private static final Pattern CATEGORY_LINK = Pattern.compile("href=\"/c/([^\"?#]+)\"");
    private static final Pattern PRODUCT_LINK = Pattern.compile("href=\"/p/([^\"?#]+)\"");
    private static final Pattern ADD_FORM_SKU = Pattern.compile("name=\"sku\" value=\"([^\"]+)\"");
    private static final Pattern ADD_FORM_PRODUCT = Pattern.compile("name=\"productId\" value=\"([^\"]+)\"");

    record Options(
            String url,
            String mode,
            Path accounts,
            int shoppers,
            Duration duration,
            Duration warmup,
            String accountPage) {

        static Options parse(String[] args) {
            var o = new LinkedHashMap<String, String>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                o.put(args[i], args[i + 1]);
            }
            if (!o.containsKey("--accounts")) {
                throw new IllegalArgumentException("--accounts is required");
            }
            String mode = o.getOrDefault("--mode", "sign-in-each");
            if (!mode.equals("sign-in-each") && !mode.equals("signed-in")) {
                throw new IllegalArgumentException("--mode is sign-in-each or signed-in");
            }
            return new Options(
                    o.getOrDefault("--url", "http://127.0.0.1:8080"),
                    mode,
                    Path.of(o.get("--accounts")),
                    Integer.parseInt(o.getOrDefault("--shoppers", "32")),
                    duration(o.getOrDefault("--duration", "30s")),
                    duration(o.getOrDefault("--warmup", "10s")),
                    o.getOrDefault("--account-page", "/account"));
        }

        private static Duration duration(String text) {
            if (text.endsWith("ms")) return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            if (text.endsWith("s")) return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            if (text.endsWith("m")) return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(text));
        }
    }

    /**
     * What one shopper's browser holds: its connection, the session cookie, and the CSRF token of the last form it
     * saw.
     */
    static final class Browser implements AutoCloseable {
        final Connection connection;
        String cookie;
        String csrf;

        Browser(URI server) {
            this.connection = new Connection(server);
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    /** An answer as the journey reads it. */
    /** {@code retryAfterSeconds}: the Retry-After of a 503 or 429, or 0. */
    record Answer(
            String method, String path, int statusCode, List<String> setCookies, String body, long retryAfterSeconds) {}

    /**
     * One kept-alive HTTP/1.1 connection: writes a request, reads the status line, the headers and a body framed
     * by Content-Length or chunked encoding; connects again when the server closed it or a request failed.
     *
     * <p>It reads the socket into a buffer of its own and parses the head there: reading it a byte at a time through a
     * {@code BufferedInputStream} (a lock per byte) was half of the generator's CPU, which the platform then lacked.
     * Bodies become Latin-1 strings, an array copy: the journey only looks for ASCII markup in them, which Latin-1
     * keeps as it is.
     */
    static final class Connection implements AutoCloseable {
        private final URI server;
        private final String hostHeader;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        /** Bytes read from the socket; {@code buffer[position, limit)} are not parsed yet. */
        private byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        Connection(URI server) {
            this.server = server;
            this.hostHeader = server.getHost() + ":" + server.getPort();
        }

        Answer exchange(String method, String path, String cookie, String formBody) throws IOException {
            byte[] body = formBody == null ? null : formBody.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder(256)
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                    .append("\r\nAccept: text/html\r\n");
            if (cookie != null) {
                head.append("Cookie: sc=").append(cookie).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(body.length).append("\r\n");
            }
            head.append("\r\n");
            try {
                if (socket == null) {
                    open();
                }
                byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
                if (body != null) {
                    request = Arrays.copyOf(request, request.length + body.length);
                    System.arraycopy(body, 0, request, request.length - body.length, body.length);
                }
                out.write(request);
                return read(method, path);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            position = 0;
            limit = 0;
        }

        private Answer read(String method, String path) throws IOException {
            String status = line();
            if (status.length() < 12 || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            var setCookies = new ArrayList<String>(1);
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            long retryAfter = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).strip();
                String value = header.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("set-cookie")) {
                    setCookies.add(value);
                } else if (name.equalsIgnoreCase("connection")) {
                    closes = value.equalsIgnoreCase("close");
                } else if (name.equalsIgnoreCase("retry-after") && value.chars().allMatch(Character::isDigit)) {
                    retryAfter = value.isEmpty() ? 0 : Long.parseLong(value);
                }
            }
            String body;
            if (chunked) {
                var chunks = new StringBuilder();
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    chunks.append(take(Math.toIntExact(size)));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers: none expected, skipped
                }
                body = chunks.toString();
            } else {
                body = length > 0 ? take(Math.toIntExact(length)) : "";
            }
            if (closes) {
                close();
            }
            return new Answer(method, path, code, setCookies, body, retryAfter);
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
        }

        /** The next {@code length} bytes, as Latin-1 text. */
        private String take(int length) throws IOException {
            while (limit - position < length) {
                fill(length);
            }
            String text = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
            position += length;
            return text;
        }

        /** A line without its CR LF. */
        private String line() throws IOException {
            for (int scanned = position; ; ) {
                for (; scanned < limit; scanned++) {
                    if (buffer[scanned] == '\n') {
                        int end = scanned > position && buffer[scanned - 1] == '\r' ? scanned - 1 : scanned;
                        String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                        position = scanned + 1;
                        return line;
                    }
                }
                int parsed = scanned - position;
                fill(parsed + 1);
                scanned = position + parsed;
            }
        }

        /** Reads more of the socket, first making room for {@code needed} unparsed bytes if the buffer lacks it. */
        private void fill(int needed) throws IOException {
            if (buffer.length - position < needed) {
                int unparsed = limit - position;
                byte[] target = needed > buffer.length ? new byte[Math.max(needed, 2 * buffer.length)] : buffer;
                System.arraycopy(buffer, position, target, 0, unparsed);
                buffer = target;
                position = 0;
                limit = unparsed;
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                throw new IOException("connection closed");
            }
            limit += n;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a connection that is gone already
                }
                socket = null;
            }
        }
    }

    record Account(String email, String password) {}

    /** Latencies in microseconds per page, kept whole; an ArrayList per shopper avoids contention. */
    static final class Recorder {
        final Map<String, List<Long>> latencies = new LinkedHashMap<>();

        void add(String page, long micros) {
            latencies.computeIfAbsent(page, k -> new ArrayList<>()).add(micros);
        }
    }

    private final Options options;
    private final URI server;
    private final List<Account> accounts;
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final List<Recorder> recorders = new ArrayList<>();
    private List<String> categories;
    private List<String> products;
    private volatile long measureFrom;
    private volatile long measureUntil;

    WebJourney(Options options) throws IOException {
        this.options = options;
        this.server = URI.create(options.url());
        this.accounts = Files.readAllLines(options.accounts()).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.strip().split(" ", 2))
                .map(p -> new Account(p[0], p[1]))
                .toList();
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no accounts in " + options.accounts());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage()
                    + "\nusage: java load/WebJourney.java --accounts FILE [--mode sign-in-each|signed-in]"
                    + " [--url URL] [--shoppers 32] [--duration 30s] [--warmup 10s] [--account-page /account]");
            System.exit(2);
            return;
        }
        System.exit(new WebJourney(options).run() == 0 ? 0 : 1);
    }

    long run() throws Exception {
        discoverCatalog();
        long start = System.nanoTime();
        measureFrom = start + options.warmup().toNanos();
        measureUntil = measureFrom + options.duration().toNanos();
        // Marks on stdout for a wrapper that measures something over the same window (the benchmark script reads
        // each process's CPU time at both marks). The generator states its own CPU time at each mark: it may have
        // exited before the wrapper reads /proc after the second.
        Thread.startVirtualThread(() -> {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(0, measureFrom - System.nanoTime())));
                System.out.printf("generator-cpu-ms %d%n", ownCpuMillis());
                System.out.printf("measuring %.1f s%n", options.duration().toNanos() / 1e9);
                Thread.sleep(Duration.ofNanos(Math.max(0, measureUntil - System.nanoTime())));
                System.out.printf("generator-cpu-ms %d%n", ownCpuMillis());
                System.out.println("measured");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (var pool = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("shopper-", 0).factory())) {
            for (int i = 0; i < options.shoppers(); i++) {
                var recorder = new Recorder();
                recorders.add(recorder);
                int shopper = i;
                pool.submit(() -> shop(shopper, recorder));
            }
        }
        return report();
    }

    private static long ownCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** The categories the home page links to and the products their pages link to. */
    private void discoverCatalog() throws Exception {
        try (var browser = new Browser(server)) {
            discoverCatalog(browser);
        }
    }

    private void discoverCatalog(Browser browser) throws Exception {
        String home = get(browser, "/", 200).body();
        categories = distinct(CATEGORY_LINK, home);
        var found = new ArrayList<String>();
        for (String category : categories.subList(0, Math.min(8, categories.size()))) {
            found.addAll(distinct(PRODUCT_LINK, get(browser, "/c/" + category, 200).body()));
        }
        products = found.stream().distinct().limit(200).toList();
        if (categories.isEmpty() || products.isEmpty()) {
            throw new IllegalStateException("the home page links no category, or the categories no product");
        }
        System.out.printf(
                "journey %s: %d shoppers, %d accounts, %d categories, %d products, account page %s%n",
                options.mode(),
                options.shoppers(),
                accounts.size(),
                categories.size(),
                products.size(),
                options.accountPage());
    }

    private void shop(int shopper, Recorder recorder) {
        Account account = accounts.get(shopper % accounts.size());
        boolean signInEach = options.mode().equals("sign-in-each");
        try (var browser = new Browser(server)) {
            if (!signInEach) {
                signInPatiently(browser, account);
            }
            for (long loop = shopper; System.nanoTime() < measureUntil; loop++) {
                try {
                    journey(browser, account, loop, recorder);
                } catch (UnexpectedAnswer e) {
                    // Start over as a browser would: sign-in-each as a new guest; signed-in with the same session.
                    if (signInEach) {
                        browser.cookie = null;
                    }
                    // A service shedding load (503 or 429 with Retry-After) is waited for, as a person would after
                    // the error page, instead of being asked again at once (at most 10 s, never past the end).
                    long waitNanos = Duration.ofSeconds(Math.min(e.retryAfterSeconds, 10)).toNanos();
                    if (waitNanos > 0) {
                        long left = Math.max(0, measureUntil - System.nanoTime());
                        Thread.sleep(Duration.ofNanos(Math.min(waitNanos, left)));
                    }
                }
            }
        } catch (Exception e) {
            failures.computeIfAbsent("shopper stopped: " + e, k -> new LongAdder()).increment();
        }
    }

    private void journey(Browser browser, Account account, long loop, Recorder recorder) throws Exception {
        boolean signInEach = options.mode().equals("sign-in-each");
        timed(recorder, "home", () -> get(browser, "/", 200));
        if (signInEach) {
            timed(recorder, "sign-in form", () -> get(browser, "/login", 200));
            timed(recorder, "sign in", () -> post(browser, "/login", Map.of(
                    "email", account.email(), "password", account.password(), "next", "/"), 303));
        }
        String category = categories.get((int) (loop % categories.size()));
        timed(recorder, "category", () -> get(browser, "/c/" + category, 200));
        String product = products.get((int) ((loop * 7) % products.size()));
        var page = timed(recorder, "product", () -> get(browser, "/p/" + product, 200));
        String sku = first(ADD_FORM_SKU, page.body());
        String productId = first(ADD_FORM_PRODUCT, page.body());
        timed(recorder, "add to cart", () -> post(browser, "/cart/items", Map.of(
                "productId", productId, "sku", sku, "quantity", "1"), 303));
        timed(recorder, "account", () -> get(browser, options.accountPage(), 200));
        timed(recorder, "remove from cart", () -> post(
                browser, "/cart/items/" + URLEncoder.encode(sku, StandardCharsets.UTF_8).replace("+", "%20") + "/remove",
                Map.of(), 303));
        if (signInEach) {
            timed(recorder, "sign out", () -> post(browser, "/logout", Map.of(), 303));
        }
    }

    /** 32 sign-ins at once can overrun users (Argon2): a refused one is tried again, as a person would. */
    private void signInPatiently(Browser browser, Account account) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                signIn(browser, account);
                return;
            } catch (UnexpectedAnswer e) {
                if (attempt == 10) {
                    throw e;
                }
                Thread.sleep(500L * attempt);
            }
        }
    }

    private void signIn(Browser browser, Account account) throws Exception {
        get(browser, "/login", 200);
        post(browser, "/login", Map.of("email", account.email(), "password", account.password(), "next", "/"), 303);
    }

    interface Step {
        Answer call() throws Exception;
    }

    private Answer timed(Recorder recorder, String page, Step step) throws Exception {
        long started = System.nanoTime();
        Answer response;
        try {
            response = step.call();
        } catch (UnexpectedAnswer e) {
            if (started >= measureFrom && System.nanoTime() <= measureUntil) {
                failures.computeIfAbsent(page + ": " + e.getMessage(), k -> new LongAdder()).increment();
            }
            throw e;
        } catch (IOException e) {
            if (started >= measureFrom && System.nanoTime() <= measureUntil) {
                failures.computeIfAbsent(page + ": " + e, k -> new LongAdder()).increment();
            }
            throw new UnexpectedAnswer(e.toString(), 0);
        }
        long ended = System.nanoTime();
        if (started >= measureFrom && ended <= measureUntil) {
            recorder.add(page, (ended - started) / 1_000);
        }
        return response;
    }

    static final class UnexpectedAnswer extends Exception {
        /** What the answer's Retry-After asked for (a 503 or 429 shedding load), or 0. */
        final long retryAfterSeconds;

        UnexpectedAnswer(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private Answer get(Browser browser, String path, int expected) throws Exception {
        return answer(browser, browser.connection.exchange("GET", path, browser.cookie, null), expected);
    }

    private Answer post(Browser browser, String path, Map<String, String> fields, int expected) throws Exception {
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", browser.csrf == null ? "" : browser.csrf);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return answer(browser, browser.connection.exchange("POST", path, browser.cookie, body), expected);
    }

    /** Keeps what a browser keeps: the cookie the answer sets (or deletes) and the page's form token. */
    private static Answer answer(Browser browser, Answer response, int expected) throws UnexpectedAnswer {
        for (String setCookie : response.setCookies()) {
            if (setCookie.startsWith("sc=")) {
                String value = setCookie.substring(3, setCookie.indexOf(';') < 0 ? setCookie.length() : setCookie.indexOf(';'));
                browser.cookie = value.isEmpty() || setCookie.contains("Max-Age=0") ? null : value;
            }
        }
        String body = response.body();
        int csrf = body.indexOf(CSRF_FIELD);
        if (csrf >= 0) {
            int from = csrf + CSRF_FIELD.length();
            int to = body.indexOf('"', from);
            if (to > from) {
                browser.csrf = body.substring(from, to);
            }
        }
        if (response.statusCode() != expected) {
            throw new UnexpectedAnswer(response.method() + " " + response.path().replaceAll(
                    "/(p|c)/[^/]+", "/$1/…") + " answered " + response.statusCode(), response.retryAfterSeconds());
        }
        return response;
    }

    private static List<String> distinct(Pattern pattern, String html) {
        var found = new ArrayList<String>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static String first(Pattern pattern, String html) throws UnexpectedAnswer {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new UnexpectedAnswer("no add-to-cart form on the product page", 0);
        }
        return m.group(1);
    }

    private long report() {
        var merged = new LinkedHashMap<String, List<Long>>();
        for (Recorder r : recorders) {
            r.latencies.forEach((page, list) -> merged.computeIfAbsent(page, k -> new ArrayList<>()).addAll(list));
        }
        double seconds = options.duration().toNanos() / 1e9;
        var all = new ArrayList<Long>();
        System.out.printf("%-17s %9s %8s %8s %8s %8s %8s%n", "page", "requests", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        merged.forEach((page, list) -> {
            all.addAll(list);
            line(page, list, seconds);
        });
        line("ALL", all, seconds);
        long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("unexpected answers (measured window): %d%n", failed);
        failures.forEach((what, n) -> System.out.printf("  %6d  %s%n", n.sum(), what));
        return failed;
    }

    private static void line(String page, List<Long> micros, double seconds) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            System.out.printf("%-17s %9d%n", page, 0);
            return;
        }
        System.out.printf(
                "%-17s %9d %8.0f %8.1f %8.1f %8.1f %8.1f%n",
                page,
                sorted.length,
                sorted.length / seconds,
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                sorted[sorted.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
