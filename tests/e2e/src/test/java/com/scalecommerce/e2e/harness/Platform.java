package com.scalecommerce.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform for one test JVM, started once and shared by every test class: fresh databases
 * ({@code e2e_users}, {@code e2e_products}, {@code e2e_orders}, {@code e2e_analytics}), Redis database 13 emptied,
 * GreenMail as the SMTP server, secrets generated for this run, and the four packaged services on free ports,
 * configured the way {@code ./scalecommerce up} configures them. Stopped after the last test, or by a shutdown
 * hook when the JVM ends otherwise. A test may {@link #kill} one service and {@link #start} it again.
 *
 * <p>Tests get it through {@link EndToEnd}; they must not depend on each other's data beyond what
 * {@link Shop} sets up once (the shipping zone), so each creates its own products and shoppers.
 */
public final class Platform {

    /**
     * The run's databases are {@code <prefix>_users} and so on; E2E_DB_PREFIX lets two runs share a PostgreSQL
     * (two worktrees, say) without wiping each other's data.
     */
    private static final String DB_PREFIX = envOr("E2E_DB_PREFIX", "e2e");

    public static final String USERS_DB = DB_PREFIX + "_users";
    public static final String PRODUCTS_DB = DB_PREFIX + "_products";
    public static final String ORDERS_DB = DB_PREFIX + "_orders";
    public static final String ANALYTICS_DB = DB_PREFIX + "_analytics";
    /** One Redis for all the services, as in production; this database number is the e2e run's alone. */
    public static final int REDIS_DB = Integer.parseInt(envOr("E2E_REDIS_DB", "13"));

    public static final String ADMIN_EMAIL = "admin@e2e.scalecommerce.test";

    /** Variables a service may inherit from the test JVM; anything else (a stray PAYMENT_GATEWAY) stays out. */
    private static final List<String> INHERITED_ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static Platform running;
    private static RuntimeException startFailure;

    private final Path root;
    private final Database postgres;
    private final String redisHost;
    private final int redisPort;
    private final LinkedHashMap<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final String adminPassword = randomSecret();
    private final String signingKeyEncryptionKey = randomKey();
    private final String ordersClientSecret = randomSecret();
    private final String webSessionKey = randomKey();

    private Mailbox mailbox;
    private Api users;
    private Api products;
    private Api orders;
    private Api analytics;
    private Api web;
    private Shop shop;

    private Platform(Path root) {
        this.root = root;
        this.postgres = new Database(
                env("DB_HOST", "127.0.0.1"),
                Integer.parseInt(env("DB_PORT", "5432")),
                "postgres",
                env("DB_USER", "postgres"),
                env("DB_PASSWORD", ""));
        this.redisHost = env("REDIS_HOST", "127.0.0.1");
        this.redisPort = Integer.parseInt(env("REDIS_PORT", "6379"));
    }

    /**
     * The running platform, started on the first call. A start that failed is not retried: every later test
     * class fails at once with the same cause instead of waiting for another timeout.
     */
    public static synchronized Platform get() {
        if (startFailure != null) {
            throw new IllegalStateException("the platform did not start (see the first failure)", startFailure);
        }
        if (running == null) {
            var platform = new Platform(repositoryRoot());
            try {
                platform.start();
            } catch (RuntimeException e) {
                platform.stop();
                startFailure = e;
                throw e;
            }
            running = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "e2e-platform-stop"));
        }
        return running;
    }

    public Api users() {
        return users;
    }

    public Api products() {
        return products;
    }

    public Api orders() {
        return orders;
    }

    public Api analytics() {
        return analytics;
    }

    /** The storefront (server-rendered pages). */
    public Api web() {
        return web;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public Shop shop() {
        return shop;
    }

    public Database usersDb() {
        return postgres.named(USERS_DB);
    }

    public Database productsDb() {
        return postgres.named(PRODUCTS_DB);
    }

    public Database ordersDb() {
        return postgres.named(ORDERS_DB);
    }

    public Database analyticsDb() {
        return postgres.named(ANALYTICS_DB);
    }

    /** The run's Redis database: the event streams every service writes and reads. */
    public Redis redis() {
        return new Redis(redisHost, redisPort, REDIS_DB);
    }

    /**
     * SIGKILLs the service ({@code "analytics"}, ...): no graceful shutdown, as a crash or an OOM kill. Its port
     * stays reserved for {@link #start}; callers of its API get connection errors meanwhile.
     */
    public void kill(String service) {
        process(service).kill();
    }

    /** Starts a killed service again, same port and configuration, and waits until it is ready. */
    public void start(String service) {
        ServiceProcess process = process(service);
        process.restart();
        process.awaitReady();
    }

    private ServiceProcess process(String service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service + "; running: " + processes.keySet());
        }
        return process;
    }

    String adminPassword() {
        return adminPassword;
    }

    /** Where the services' logs are: the first place to look when a journey fails. */
    public Path logs() {
        return root.resolve("tests/e2e/target/e2e-logs");
    }

    private void start() {
        List<String> names = List.of("users", "products", "orders", "analytics", "web");
        names.forEach(name -> ServiceProcess.requireJar(name, jar(name)));

        postgres.recreate(List.of(USERS_DB, PRODUCTS_DB, ORDERS_DB, ANALYTICS_DB));
        redis().flushDatabase();
        int[] ports = freePorts(6);
        mailbox = Mailbox.start(ports[0]);
        var usersProcess = process("users", ports[1]);
        var productsProcess = process("products", ports[2]);
        var ordersProcess = process("orders", ports[3]);
        var analyticsProcess = process("analytics", ports[4]);
        var webProcess = process("web", ports[5]);
        String usersUrl = origin(usersProcess);

        Map<String, String> common = commonEnvironment(ports[0], usersUrl);
        start(
                usersProcess,
                common,
                Map.of(
                        "USERS_DB_NAME", USERS_DB,
                        "SCALECOMMERCE_USERS_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL,
                        "SCALECOMMERCE_USERS_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                        "SCALECOMMERCE_USERS_SIGNING_KEYS_ENCRYPTION_KEY", signingKeyEncryptionKey,
                        // Mailed links (verify email, reset password) lead to this run's storefront.
                        "SCALECOMMERCE_USERS_WEB_URL", origin(webProcess),
                        // Every e2e shopper registers from 127.0.0.1; the production limit (30 per 15 min)
                        // would cap the suite's size. The per-recipient limit stays as it is.
                        "SCALECOMMERCE_USERS_THROTTLE_MAIL_REQUESTS_PER_ADDRESS", "100000"));
        start(
                productsProcess,
                common,
                Map.of(
                        "PRODUCTS_DB_NAME",
                        PRODUCTS_DB,
                        // Tests create exactly the catalog they assert on.
                        "SCALECOMMERCE_PRODUCTS_DEMO_ENABLED",
                        "false",
                        "SCALECOMMERCE_PRODUCTS_MEDIA_DIRECTORY",
                        root.resolve("tests/e2e/target/e2e-media").toString()));
        start(ordersProcess, common, Map.of("ORDERS_DB_NAME", ORDERS_DB, "PRODUCTS_URL", origin(productsProcess)));
        start(
                analyticsProcess,
                common,
                Map.of(
                        "ANALYTICS_DB_NAME",
                        ANALYTICS_DB,
                        // It only consumes events and answers the odd admin call: a few connections are plenty.
                        "DB_POOL_MAX",
                        "6",
                        // After a SIGKILL the restarted process is a new consumer (host-pid); the dead one's
                        // unacknowledged entries are taken over once idle this long. Production's 60 s would
                        // only make the crash test wait.
                        "SCALECOMMERCE_EVENTS_CONSUMER_RECLAIM_IDLE",
                        "5s",
                        "SCALECOMMERCE_EVENTS_CONSUMER_RECLAIM_INTERVAL",
                        "2s"));

        // The storefront: no database; it reads the catalog from products and the cart from orders. Its session
        // cookie is encrypted with a key made for this run; plain http here, so the cookie goes without Secure.
        start(
                webProcess,
                common,
                Map.of(
                        "PRODUCTS_URL",
                        origin(productsProcess),
                        "ORDERS_URL",
                        origin(ordersProcess),
                        // The admin dashboard's reports.
                        "ANALYTICS_URL",
                        origin(analyticsProcess),
                        "WEB_SESSION_KEY",
                        webSessionKey,
                        "SCALECOMMERCE_WEB_INSECURE_COOKIES",
                        "true"));

        // Started together, awaited one by one: the slowest start-up bounds the wait, not the sum.
        processes.values().forEach(ServiceProcess::awaitReady);
        users = new Api("users", usersProcess.baseUri());
        products = new Api("products", productsProcess.baseUri());
        orders = new Api("orders", ordersProcess.baseUri());
        analytics = new Api("analytics", analyticsProcess.baseUri());
        web = new Api("web", webProcess.baseUri());
        shop = new Shop(this);
    }

    /** What every service gets, as {@code service_env} in the launcher gives it. */
    private Map<String, String> commonEnvironment(int smtpPort, String usersUrl) {
        var env = new HashMap<String, String>();
        INHERITED_ENV.forEach(name -> {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        });
        env.put("DB_HOST", postgres.host());
        env.put("DB_PORT", Integer.toString(postgres.port()));
        env.put("DB_USER", postgres.user());
        env.put("DB_PASSWORD", postgres.password());
        env.put("REDIS_URL", "redis://" + redisHost + ":" + redisPort + "/" + REDIS_DB);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        // People read these logs when a journey fails: text lines, not the JSON of deployments.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // Users issues tokens; products and orders verify them against its JWKS. The issuer claim must name
        // the users service everyone agrees on, which here is not the default localhost:8081.
        env.put("USERS_URL", usersUrl);
        env.put("SCALECOMMERCE_JWT_ISSUER", usersUrl);
        // Users knows the client "orders" by this secret; orders presents it for its client_credentials token.
        env.put("ORDERS_CLIENT_SECRET", ordersClientSecret);
        return env;
    }

    private void start(ServiceProcess process, Map<String, String> common, Map<String, String> own) {
        var env = new HashMap<>(common);
        // Four services on one PostgreSQL: leave connection slots for the test's own JDBC checks.
        env.put("DB_POOL_MAX", "16");
        env.putAll(own);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(process.baseUri().getPort()));
        // Loopback only: a test run opens nothing to the network.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        processes.put(process.name(), process);
        process.start(env);
    }

    /** Stops the services and the mail server. Safe to call more than once. */
    synchronized void stop() {
        processes.sequencedValues().reversed().forEach(ServiceProcess::stop);
        if (mailbox != null) {
            mailbox.stop();
            mailbox = null;
        }
    }

    private ServiceProcess process(String name, int port) {
        return new ServiceProcess(name, jar(name), port, logs().resolve(name + ".log"));
    }

    private Path jar(String service) {
        return root.resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String origin(ServiceProcess process) {
        return "http://127.0.0.1:" + process.baseUri().getPort();
    }

    /** The repository root: from the build (maven.multiModuleProjectDirectory), else found from here upwards. */
    private static Path repositoryRoot() {
        String configured = System.getProperty("scalecommerce.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scalecommerce")) && Files.isDirectory(dir.resolve("services"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Dscalecommerce.root");
    }

    private static int[] freePorts(int count) {
        // All held open at once, so the ports are distinct; the OS does not hand them out again at once.
        var sockets = new ArrayList<ServerSocket>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket we own; nothing to do if it fails.
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Base64 of 32 random bytes: the AES-256 key users encrypts its signing keys with. */
    private static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
