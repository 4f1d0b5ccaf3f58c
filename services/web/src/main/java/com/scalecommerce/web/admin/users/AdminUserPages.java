package com.scalecommerce.web.admin.users;

import com.scalecommerce.web.admin.users.AdminUserModels.AdminUser;
import com.scalecommerce.web.admin.users.AdminUserModels.AuditEntry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The admin's user pages (templates/admin/users/*.html, inside templates/admin/layout.html). */
@CheckedTemplate(basePath = "admin/users")
class AdminUserPages {

    private AdminUserPages() {}

    static native TemplateInstance list(
            UserFilters filters,
            List<String> roles,
            List<String> statuses,
            List<AdminUser> users,
            String nextPage,
            boolean paged,
            String problem);

    /** {@code audit} is null when the audit log could not be read (the page still shows the account). */
    static native TemplateInstance detail(
            AdminUser user,
            List<String> roles,
            List<AuditEntry> audit,
            boolean self,
            String csrf,
            String flash,
            String problem);
}
