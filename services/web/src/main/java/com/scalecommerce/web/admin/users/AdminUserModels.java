package com.scalecommerce.web.admin.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Users' administration shapes (services/users: admin.AdminUser, admin.RoleChange, audit.AuditLog.Entry). */
final class AdminUserModels {

    private AdminUserModels() {}

    /** The roles users knows; an account holds one or more. */
    static final List<String> ROLES = List.of("CUSTOMER", "ADMIN");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserPage(List<AdminUser> items, String nextCursor) {}

    /** {@code status}: ACTIVE or DISABLED. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AdminUser(
            UUID id,
            String email,
            boolean emailVerified,
            String name,
            String phone,
            boolean marketingConsent,
            List<String> roles,
            String status,
            Instant createdAt,
            Instant updatedAt) {

        public boolean disabled() {
            return "DISABLED".equals(status);
        }

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }

        public String rolesText() {
            return roles == null ? "" : String.join(", ", roles);
        }
    }

    record RoleChange(Set<String> roles) {}

    /** One administrator action; {@code details} as users recorded them (e.g. the roles before and after). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuditEntry(long id, Instant at, UUID actorId, String action, UUID targetId, Map<String, Object> details) {

        public String detailsText() {
            if (details == null || details.isEmpty()) {
                return "";
            }
            return details.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }
}
