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
 * The policy around users' administration API: every call a 2 s timeout and a breaker of its own, on the class.
 * Searching and reading a user add one retry (the audit log does not); changes get 3 s and no retry (each is
 * recorded in users' audit log). A {@link Refused} is users' answer.
 */
@ApplicationScoped
@Timeout(value = 2000, unit = ChronoUnit.MILLIS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
class AdminUsersCalls {

    private final AdminUsersApi users;

    AdminUsersCalls(@RestClient AdminUsersApi users) {
        this.users = users;
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    UserPage search(String bearer, UserFilters filters, String cursor, int limit) {
        return users.search(bearer, filters.q(), filters.role(), filters.status(), cursor, limit);
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    AdminUser get(String bearer, UUID id) {
        return users.get(bearer, id);
    }

    List<AuditEntry> auditLog(String bearer, UUID target, int limit) {
        return users.auditLog(bearer, target, limit);
    }

    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    AdminUser change(Function<AdminUsersApi, AdminUser> change) {
        return change.apply(users);
    }
}
