package com.scalecommerce.orders.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail on a free port) for the whole orders test suite: every test that pays or ships
 * an order makes the service mail the customer, and those sends must land somewhere instead of failing and being
 * retried. Registered once, on {@link OrderMailsTest}, without {@code restrictToAnnotatedClass}: Quarkus then
 * starts it for every test class, like the users service's test environment.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public static GreenMail greenMail() {
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
