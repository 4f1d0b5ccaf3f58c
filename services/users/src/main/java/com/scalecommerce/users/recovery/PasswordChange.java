package com.scalecommerce.users.recovery;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.password.PasswordHasher;
import com.scalecommerce.users.password.PasswordPolicy;
import com.scalecommerce.users.throttle.LoginThrottle;
import com.scalecommerce.users.token.Sessions;
import jakarta.enterprise.context.ApplicationScoped;

/** A signed-in person changes their password: other sessions end, theirs goes on. */
@ApplicationScoped
public class PasswordChange {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;

    PasswordChange(
            Accounts accounts,
            PasswordPolicy policy,
            PasswordHasher hasher,
            LoginThrottle throttle,
            Sessions sessions) {
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public void change(Sessions.SignedIn caller, String currentPassword, String newPassword, String clientIp) {
        var account = caller.account();
        // A stolen access token must not become a way to guess the password faster than logging in.
        LoginThrottle.Attempt attempt = throttle.reserve(account.email(), clientIp);
        boolean currentPasswordMatches;
        try {
            currentPasswordMatches = hasher.verify(account.passwordHash(), currentPassword);
        } catch (RuntimeException unchecked) {
            throttle.giveBack(attempt);
            throw unchecked;
        }
        if (!currentPasswordMatches) {
            // The attempt was counted as a failure when it was reserved.
            throw ProblemException.invalidField("currentPassword", "is wrong");
        }
        // Right, but not a sign-in: only this attempt stops counting, the account's earlier failures stay.
        throttle.giveBack(attempt);
        policy.check("newPassword", newPassword);
        accounts.changePassword(account.id(), hasher.hash(newPassword));
        sessions.revokeAllExcept(account.id(), caller.sessionId());
    }
}
