package com.scalecommerce.users.login;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.account.Account;
import com.scalecommerce.users.account.AccountStatus;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.account.EmailAddress;
import com.scalecommerce.users.password.PasswordHasher;
import com.scalecommerce.users.throttle.LoginThrottle;
import com.scalecommerce.users.token.Sessions;
import com.scalecommerce.users.token.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Password sign-in. Unknown, deleted and known addresses with a wrong password answer alike and take the
 * same time: an unknown address is checked against a dummy hash.
 */
@ApplicationScoped
public class Login {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;

    Login(Accounts accounts, PasswordHasher hasher, LoginThrottle throttle, Sessions sessions) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public TokenResponse login(String rawEmail, String password, String clientIp) {
        String email = EmailAddress.normalise(rawEmail);
        LoginThrottle.Attempt attempt = throttle.reserve(email, clientIp);

        Optional<Account> found;
        boolean passwordMatches;
        try {
            found = accounts.findByEmail(email).filter(a -> a.status() != AccountStatus.DELETED);
            passwordMatches = found.isPresent()
                    ? hasher.verify(found.get().passwordHash(), password)
                    : hasher.verifyAgainstNothing(password);
        } catch (RuntimeException unchecked) {
            throttle.giveBack(attempt);
            throw unchecked;
        }
        if (!passwordMatches) {
            // The attempt was counted as a failure when it was reserved.
            throw ProblemException.unauthorized("INVALID_CREDENTIALS", "The email or password is wrong.");
        }
        throttle.recordSuccess(attempt);

        Account account = found.get();
        // Only someone who knows the password learns that the account is disabled.
        if (account.status() == AccountStatus.DISABLED) {
            throw ProblemException.forbidden("This account is disabled.");
        }
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.upgradePasswordHash(account.id(), account.passwordHash(), hasher.hash(password));
        }
        return sessions.start(account);
    }
}
