package com.scalecommerce.users.mail;

import com.scalecommerce.users.UsersConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The mails users sends. Blocking: call from a virtual thread. */
@ApplicationScoped
public class Mails {

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
        mailer.send(Mail.withText(to, subject, body.render()));
    }

    private String webLink(String path, String token) {
        String base = config.webUrl().toString().replaceAll("/+$", "");
        return token == null ? base + path : base + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
