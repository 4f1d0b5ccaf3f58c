package com.scalecommerce.users;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * What a test run needs from outside: a real SMTP server (GreenMail on a free port) and secrets generated
 * for this run only, so none is ever committed.
 */
public class UsersTestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_EMAIL = "admin@scalecommerce.test";
    public static final String ORDERS_CLIENT = "orders";
    public static final String REPORTING_CLIENT = "reporting";

    private static final SecureRandom RANDOM = new SecureRandom();

    private static GreenMail greenMail;
    private static int smtpPort;
    private static String adminPassword;
    private static String ordersSecret;
    private static String reportingSecret;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        smtpPort = port;
        startSmtpServer();
        adminPassword = randomSecret();
        ordersSecret = randomSecret();
        reportingSecret = randomSecret();
        byte[] kek = new byte[32];
        RANDOM.nextBytes(kek);
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(port),
                "scalecommerce.users.signing-keys.encryption-key",
                Base64.getEncoder().encodeToString(kek),
                "scalecommerce.users.bootstrap-admin.email",
                ADMIN_EMAIL,
                "scalecommerce.users.bootstrap-admin.password",
                adminPassword,
                "scalecommerce.users.clients.orders.secret",
                ordersSecret,
                "scalecommerce.users.clients.reporting.secret",
                reportingSecret,
                "scalecommerce.users.clients.reporting.scopes",
                "analytics:read,orders:read");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Takes the SMTP server away, as a relay restart would; {@link #startSmtpServer} brings it back. */
    public static synchronized void stopSmtpServer() {
        greenMail.stop();
    }

    /** A new SMTP server on the same port: the mails received before are gone. */
    public static synchronized void startSmtpServer() {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    public static String adminPassword() {
        return adminPassword;
    }

    public static String ordersSecret() {
        return ordersSecret;
    }

    public static String reportingSecret() {
        return reportingSecret;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
