package com.scalecommerce.e2e.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The SMTP server all services send to: GreenMail inside the test JVM, so a test reads a customer's inbox
 * directly. It accepts every recipient; each address gets its own inbox.
 */
public final class Mailbox {

    /** One received mail, decoded: quoted-printable would otherwise break links across lines. */
    public record Mail(String to, String subject, String text) {}

    private final GreenMail server;

    private Mailbox(GreenMail server) {
        this.server = server;
    }

    static Mailbox start(int port) {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new Mailbox(server);
    }

    void stop() {
        server.stop();
    }

    /** Everything delivered to {@code address} so far. */
    public List<Mail> inbox(String address) {
        return Arrays.stream(server.getReceivedMessagesForDomain(address))
                .map(message -> decode(address, message))
                .toList();
    }

    /** Waits for a mail to {@code address} that matches, failing after {@code timeout}. */
    public Mail await(String address, Predicate<Mail> matching, Duration timeout) {
        return Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .alias("a mail to " + address)
                .until(() -> inbox(address).stream().filter(matching).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    private static Mail decode(String address, MimeMessage message) {
        try {
            return new Mail(address, message.getSubject(), text(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail to " + address, e);
        }
    }

    /** The text of every text/* part (plain and HTML alike), so assertions need not care how a mail is built. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            var all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.append(text(child)).append('\n');
            }
            return all.toString();
        }
        return "";
    }
}
