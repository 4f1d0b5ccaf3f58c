package com.scalecommerce.web.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalecommerce.web.account.AccountModels.Address;
import com.scalecommerce.web.account.AccountModels.AddressInput;
import com.scalecommerce.web.account.AccountModels.PasswordChange;
import com.scalecommerce.web.account.AccountModels.Profile;
import com.scalecommerce.web.account.UsersApi.Accepted;
import com.scalecommerce.web.account.UsersApi.Email;
import com.scalecommerce.web.account.UsersApi.Login;
import com.scalecommerce.web.account.UsersApi.PasswordReset;
import com.scalecommerce.web.account.UsersApi.RefreshToken;
import com.scalecommerce.web.account.UsersApi.Registration;
import com.scalecommerce.web.account.UsersApi.Token;
import com.scalecommerce.web.account.UsersApi.Tokens;
import com.scalecommerce.web.http.Refused;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around users' APIs: a timeout (2 s, on the class, unless a method says otherwise) on every call and a
 * circuit breaker on every call but the logout. Only reads of the account are retried (once); nothing that
 * changes state is: a sign-in or a registration costs an Argon2 hash, a refresh token or a mailed token is
 * single-use (a retry after a lost answer would look like reuse), and adding an address twice is not what the
 * person asked for. A {@link Refused} (wrong password, invalid field, expired token) is an answer, not a failure:
 * never retried, never counted by a breaker. Calls that hash a password get a generous timeout (5 s): hashing
 * queues under load. The profile read answers a {@link Uni} (the account page sends it from the event loop); the
 * policy applies to it all the same, and a caller on a virtual thread awaits it.
 */
@ApplicationScoped
@Timeout(value = 2, unit = ChronoUnit.SECONDS)
public class UsersCalls {

    private final UsersApi users;

    private final MyAccountApi me;

    UsersCalls(@RestClient UsersApi users, @RestClient MyAccountApi me) {
        this.users = users;
        this.me = me;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Tokens login(String email, String password) {
        return users.login(new Login(email, password));
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Tokens refresh(String refreshToken) {
        return users.refresh(new RefreshToken(refreshToken));
    }

    public void logout(String accessToken, String refreshToken) {
        users.logout("Bearer " + accessToken, new RefreshToken(refreshToken));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Accepted register(String email, String password, String name) {
        return users.register(new Registration(email, password, name));
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void verifyEmail(String token) {
        users.verifyEmail(new Token(token));
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Accepted forgotPassword(String email) {
        return users.forgotPassword(new Email(email));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void resetPassword(String token, String newPassword) {
        users.resetPassword(new PasswordReset(token, newPassword));
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Uni<Profile> profile(String bearer) {
        return me.profile(bearer);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Profile updateProfile(String bearer, ObjectNode patch) {
        return me.updateProfile(bearer, patch);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void changePassword(String bearer, String currentPassword, String newPassword) {
        me.changePassword(bearer, new PasswordChange(currentPassword, newPassword));
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public List<Address> addresses(String bearer) {
        return me.addresses(bearer);
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Address address(String bearer, UUID id) {
        return me.address(bearer, id);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Address addAddress(String bearer, AddressInput address) {
        return me.addAddress(bearer, address);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public Address replaceAddress(String bearer, UUID id, AddressInput address) {
        return me.replaceAddress(bearer, id, address);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    public void removeAddress(String bearer, UUID id) {
        me.removeAddress(bearer, id);
    }
}
