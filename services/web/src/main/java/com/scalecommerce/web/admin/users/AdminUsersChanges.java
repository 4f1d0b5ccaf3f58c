package com.scalecommerce.web.admin.users;

import com.scalecommerce.web.admin.AdminChanges;
import com.scalecommerce.web.admin.users.AdminUserModels.AdminUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Users' administration API, changed (disable, enable, roles): the admin's change policy, {@link AdminChanges}, so
 * never retried (each change is recorded in users' audit log), but 3 s. All changes share one method, and so one
 * breaker.
 */
@ApplicationScoped
@Timeout(value = 3000, unit = ChronoUnit.MILLIS)
class AdminUsersChanges extends AdminChanges {

    private final AdminUsersApi users;

    AdminUsersChanges(@RestClient AdminUsersApi users) {
        this.users = users;
    }

    AdminUser change(Function<AdminUsersApi, AdminUser> change) {
        return change.apply(users);
    }
}
