package com.scalecommerce.users.registration;

import com.scalecommerce.platform.events.Outbox;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.account.Account;
import com.scalecommerce.users.account.AccountStatus;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.account.EmailAddress;
import com.scalecommerce.users.account.Role;
import com.scalecommerce.users.mail.Mails;
import com.scalecommerce.users.password.PasswordHasher;
import com.scalecommerce.users.password.PasswordPolicy;
import com.scalecommerce.users.throttle.MailThrottle;
import com.scalecommerce.users.verification.EmailVerifications;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Sign-up without account enumeration: a new and an already registered address get the same answer in
 * the same time (both hash the password; both send one mail, off the request path). The owner of an
 * existing address is told by mail instead.
 */
@ApplicationScoped
public class Registration {

    private static final Logger LOG = Logger.getLogger(Registration.class);
    private static final Pattern PLAUSIBLE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_LENGTH = 254;

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final EmailVerifications verifications;
    private final Mails mails;
    private final ExecutorService background;
    private final Outbox outbox;
    private final MailThrottle mailThrottle;

    Registration(
            Accounts accounts,
            PasswordPolicy policy,
            PasswordHasher hasher,
            EmailVerifications verifications,
            Mails mails,
            @VirtualThreads ExecutorService background,
            Outbox outbox,
            MailThrottle mailThrottle) {
        this.outbox = outbox;
        this.mailThrottle = mailThrottle;
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.verifications = verifications;
        this.mails = mails;
        this.background = background;
    }

    public void register(String rawEmail, String password, String displayName) {
        String email = EmailAddress.normalise(rawEmail);
        if (email.length() > MAX_EMAIL_LENGTH || !PLAUSIBLE_EMAIL.matcher(email).matches()) {
            throw ProblemException.invalidField("email", "must be a valid email address");
        }
        policy.check("password", password);

        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            hasher.hashForNothing(password);
            later(() -> tellOwnerOfExistingAccount(existing.get()));
            return;
        }
        String hash = hasher.hash(password);
        try {
            Account created = createAccount(email, hash, displayName);
            later(() -> verifications.send(created.id(), created.email()));
        } catch (Accounts.EmailTaken raced) {
            accounts.findByEmail(email).ifPresent(owner -> later(() -> tellOwnerOfExistingAccount(owner)));
        }
    }

    /**
     * The one place where a registration completes. {@code user.registered} is written to the outbox in the
     * same transaction, so it is published if and only if the account exists. It carries no email or name:
     * personal data stays in this service.
     */
    @Transactional
    Account createAccount(String email, String passwordHash, String displayName) {
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        Account created = accounts.create(email, passwordHash, name, Set.of(Role.CUSTOMER), false);
        outbox.append(
                "user.registered",
                created.id().toString(),
                Map.of("userId", created.id(), "registeredAt", Instant.now().toString()));
        return created;
    }

    private void tellOwnerOfExistingAccount(Account owner) {
        if (owner.status() != AccountStatus.ACTIVE || !mailThrottle.allowMailTo(owner.email())) {
            return;
        }
        if (!owner.emailVerified()) {
            // They probably lost the first mail: a fresh link is what they need.
            verifications.send(owner.id(), owner.email());
        } else {
            mails.sendRegistrationAttempt(owner.email());
        }
    }

    private void later(Runnable mailWork) {
        background.execute(() -> {
            try {
                mailWork.run();
            } catch (RuntimeException e) {
                LOG.error("Could not send a registration mail", e);
            }
        });
    }
}
