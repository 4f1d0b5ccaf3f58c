package com.scalecommerce.web.account;

import com.scalecommerce.web.account.UsersApi.Login;
import com.scalecommerce.web.account.UsersApi.RefreshToken;
import com.scalecommerce.web.account.UsersApi.Tokens;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around users' sign-in API: a timeout and a circuit breaker; nothing is retried (a sign-in costs an
 * Argon2 hash and a refresh token is single-use, so a retry after a lost answer would look like token reuse and
 * end the session). A {@link Refused} (wrong password, expired refresh token) is an answer, not a failure.
 * The timeout is generous: a sign-in hashes a password, which queues under load.
 */
@ApplicationScoped
public class UsersCalls {

    private final UsersApi users;

    UsersCalls(@RestClient UsersApi users) {
        this.users = users;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Tokens login(String email, String password) {
        return users.login(new Login(email, password));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Tokens refresh(String refreshToken) {
        return users.refresh(new RefreshToken(refreshToken));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public void logout(String accessToken, String refreshToken) {
        users.logout("Bearer " + accessToken, new RefreshToken(refreshToken));
    }
}
