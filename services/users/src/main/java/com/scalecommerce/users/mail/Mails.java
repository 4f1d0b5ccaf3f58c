package com.scalecommerce.users.mail;

import com.scalecommerce.users.UsersConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The mails users sends. Blocking: call from a virtual thread, off the request path.
 *
 * <p>A failed hand-over to the SMTP server (a relay restarting, a pooled connection the server had dropped, a
 * moment of overload) is retried with growing pauses for about half a minute before it is given up and logged: the
 * mails carry the links that finish a registration or a password reset, and the customer is waiting for them. Each
 * mail keeps one Message-ID across its attempts, so a retry after an accepted-but-unacknowledged attempt shows as
 * one mail wherever Message-IDs are deduplicated. What this does not survive is the process dying mid-wait: the
 * customer then asks for a new link, which both flows offer.
 */
@ApplicationScoped
public class Mails {

    private static final Logger LOG = Logger.getLogger(Mails.class);

    /** The pauses between attempts: five retries, 31 s in all. */
    static final List<Duration> RETRY_PAUSES = List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance emailVerification(String link);

        static native TemplateInstance passwordReset(String link, long minutes);

        static native TemplateInstance registrationAttempt(String signInLink, String resetLink);
    }

    private final Mailer mailer;
    private final UsersConfig config;

    Mails(Mailer mailer, UsersConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public void sendEmailVerification(String to, String token) {
        send(to, "Confirm your email address", Templates.emailVerification(webLink("/verify-email", token)));
    }

    public void sendPasswordReset(String to, String token, long validMinutes) {
        send(to, "Reset your password", Templates.passwordReset(webLink("/reset-password", token), validMinutes));
    }

    /** To the owner of an address someone tried to register again: they may have forgotten they have an account. */
    public void sendRegistrationAttempt(String to) {
        send(
                to,
                "Someone tried to create an account with your address",
                Templates.registrationAttempt(webLink("/login", null), webLink("/forgot-password", null)));
    }

    private void send(String to, String subject, TemplateInstance body) {
        Mail mail = Mail.withText(to, subject, body.render())
                .addHeader("Message-ID", "<" + UUID.randomUUID() + "@users.scalecommerce>");
        for (int attempt = 0; ; attempt++) {
            try {
                mailer.send(mail);
                return;
            } catch (RuntimeException e) {
                if (attempt == RETRY_PAUSES.size()) {
                    throw e;
                }
                // The subject, not the address: addresses are personal data and stay out of the logs.
                LOG.warnf(
                        "Mail \"%s\" not accepted by the SMTP server (attempt %d of %d), retrying in %s: %s",
                        subject, attempt + 1, RETRY_PAUSES.size() + 1, RETRY_PAUSES.get(attempt), e.toString());
                pause(RETRY_PAUSES.get(attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a mail", e);
        }
    }

    private String webLink(String path, String token) {
        String base = config.webUrl().toString().replaceAll("/+$", "");
        return token == null ? base + path : base + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
