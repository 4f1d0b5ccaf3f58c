package com.scalecommerce.web.admin.users;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.users.AdminUserModels.AdminUser;
import com.scalecommerce.web.admin.users.AdminUserModels.AuditEntry;
import com.scalecommerce.web.admin.users.AdminUserModels.UserPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Users' administration API, read: the admin's read policy, {@link AdminReads}, with a shorter timeout (2 s). */
@ApplicationScoped
@Timeout(value = 2000, unit = ChronoUnit.MILLIS)
class AdminUsersReads extends AdminReads {

    private final AdminUsersApi users;

    AdminUsersReads(@RestClient AdminUsersApi users) {
        this.users = users;
    }

    UserPage search(String bearer, UserFilters filters, String cursor, int limit) {
        return users.search(bearer, filters.q(), filters.role(), filters.status(), cursor, limit);
    }

    AdminUser get(String bearer, UUID id) {
        return users.get(bearer, id);
    }

    // Not retried, as before: the user's page renders without its audit log, so the log costs it one timeout at most.
    @Retry(maxRetries = 0)
    List<AuditEntry> auditLog(String bearer, UUID target, int limit) {
        return users.auditLog(bearer, target, limit);
    }
}
