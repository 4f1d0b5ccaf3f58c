package com.scalecommerce.web.admin.users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The user list's GET form: a search (email or name), a role, a status. Null means no filter. */
record UserFilters(String q, String role, String status) {

    static final List<String> STATUSES = List.of("ACTIVE", "DISABLED");
    static final UserFilters NONE = new UserFilters(null, null, null);

    /** The filters, or null when the input is not a filter users understands (said on the page). */
    static UserFilters parse(String q, String role, String status) {
        String query = blankToNull(q);
        String wantedRole = blankToNull(role);
        String wantedStatus = blankToNull(status);
        if ((query != null && query.length() > 200)
                || (wantedRole != null && !AdminUserModels.ROLES.contains(wantedRole))
                || (wantedStatus != null && !STATUSES.contains(wantedStatus))) {
            return null;
        }
        return new UserFilters(query, wantedRole, wantedStatus);
    }

    public boolean any() {
        return q != null || role != null || status != null;
    }

    public String query() {
        var parts = new ArrayList<String>();
        if (q != null) {
            parts.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (role != null) {
            parts.add("role=" + role);
        }
        if (status != null) {
            parts.add("status=" + status);
        }
        return String.join("&", parts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
