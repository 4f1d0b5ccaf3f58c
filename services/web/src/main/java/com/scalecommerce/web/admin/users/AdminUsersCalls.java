package com.scalecommerce.web.admin.users;

import com.scalecommerce.web.admin.users.AdminUserModels.AdminUser;
import com.scalecommerce.web.admin.users.AdminUserModels.AuditEntry;
import com.scalecommerce.web.admin.users.AdminUserModels.UserPage;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around users' administration API: reads with a timeout, one retry and a breaker; changes with a
 * timeout and a breaker but no retry (each is recorded in users' audit log). A {@link Refused} is users' answer.
 */
@ApplicationScoped
class AdminUsersCalls {

    private final AdminUsersApi users;

    AdminUsersCalls(@RestClient AdminUsersApi users) {
        this.users = users;
    }

    @Timeout(value = 2000, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    UserPage search(String bearer, UserFilters filters, String cursor, int limit) {
        return users.search(bearer, filters.q(), filters.role(), filters.status(), cursor, limit);
    }

    @Timeout(value = 2000, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    AdminUser get(String bearer, UUID id) {
        return users.get(bearer, id);
    }

    @Timeout(value = 2000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    List<AuditEntry> auditLog(String bearer, UUID target, int limit) {
        return users.auditLog(bearer, target, limit);
    }

    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
    AdminUser change(Function<AdminUsersApi, AdminUser> change) {
        return change.apply(users);
    }
}
