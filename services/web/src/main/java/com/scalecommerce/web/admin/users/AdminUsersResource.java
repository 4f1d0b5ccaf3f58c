package com.scalecommerce.web.admin.users;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.users.AdminUserModels.AdminUser;
import com.scalecommerce.web.admin.users.AdminUserModels.AuditEntry;
import com.scalecommerce.web.admin.users.AdminUserModels.RoleChange;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The admin's users: search and paging, one account with its recent audit entries, and disable / enable / change
 * roles as POST forms (303 back to the account, the outcome shown once). Users refusing a change (an admin
 * disabling or demoting themselves: 409) re-renders the account with its reason. Users ends the account's sessions
 * itself when it is disabled or its roles change.
 */
@Path("/admin/users")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class AdminUsersResource {

    private static final Logger LOG = Logger.getLogger(AdminUsersResource.class);
    private static final ExecutorService PARALLEL = Executors.newVirtualThreadPerTaskExecutor();
    static final int PAGE_SIZE = 25;
    static final int AUDIT_ENTRIES = 20;

    private final AdminAccess access;
    private final AdminUsersReads users;
    private final AdminUsersChanges userChanges;
    private final Viewer viewer;
    private final WebConfig config;

    AdminUsersResource(
            AdminAccess access, AdminUsersReads users, AdminUsersChanges userChanges, Viewer viewer, WebConfig config) {
        this.access = access;
        this.users = users;
        this.userChanges = userChanges;
        this.viewer = viewer;
        this.config = config;
    }

    @GET
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("role") String role,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor) {
        String bearer = access.requireAdmin("/admin/users");
        UserFilters filters = UserFilters.parse(q, role, status);
        if (filters == null) {
            return listPage(
                    400,
                    UserFilters.NONE,
                    List.of(),
                    null,
                    false,
                    "Search by email or name; choose a role and a status from the lists.");
        }
        String after = cursor == null || cursor.isBlank() ? null : cursor;
        try {
            var page = users.search(bearer, filters, after, PAGE_SIZE);
            String next = page.nextCursor() == null ? null : nextPage(filters, page.nextCursor());
            return listPage(200, filters, page.items(), next, after != null, null);
        } catch (Refused e) {
            return listPage(e.status() == 403 ? 403 : 400, filters, List.of(), null, after != null, e.message());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") String id) {
        UUID userId = userId(id);
        String bearer = access.requireAdmin(userPath(userId));
        return detailPage(200, bearer, userId, viewer.takeFlash(), null);
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") String id, @FormParam("_csrf") String csrf) {
        UUID userId = userId(id);
        String bearer = access.requireAdmin(userPath(userId), csrf);
        return change(bearer, userId, u -> u.disable(bearer, userId), "is disabled and signed out everywhere");
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") String id, @FormParam("_csrf") String csrf) {
        UUID userId = userId(id);
        String bearer = access.requireAdmin(userPath(userId), csrf);
        return change(bearer, userId, u -> u.enable(bearer, userId), "is enabled");
    }

    /** The checked roles replace the account's; at least one, from the roles users knows. */
    @POST
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(
            @PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("role") List<String> roles) {
        UUID userId = userId(id);
        String bearer = access.requireAdmin(userPath(userId), csrf);
        var wanted = new LinkedHashSet<String>(roles == null ? List.of() : roles);
        if (wanted.isEmpty() || !AdminUserModels.ROLES.containsAll(wanted)) {
            return detailPage(400, bearer, userId, null, "Choose at least one role: CUSTOMER, ADMIN or both.");
        }
        return change(
                bearer,
                userId,
                u -> u.changeRoles(bearer, userId, new RoleChange(wanted)),
                "now has the roles " + String.join(", ", wanted));
    }

    private Response change(String bearer, UUID userId, Function<AdminUsersApi, AdminUser> change, String outcome) {
        try {
            AdminUser changed = userChanges.change(change);
            viewer.flash(changed.email() + " " + outcome + ".");
            return Response.seeOther(URI.create(userPath(userId))).build();
        } catch (Refused e) {
            if (e.status() == 404) {
                throw ProblemException.notFound("USER_NOT_FOUND", "There is no such user.");
            }
            return detailPage(e.status(), bearer, userId, null, e.message());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The account and its audit entries side by side; the page shows without the audit log if that fails. */
    private Response detailPage(int status, String bearer, UUID userId, String flash, String problem) {
        var audit = CompletableFuture.supplyAsync(() -> auditOrNull(bearer, userId), PARALLEL);
        AdminUser user;
        try {
            user = users.get(bearer, userId);
        } catch (Refused e) {
            if (e.status() == 404 || e.status() == 400) {
                throw ProblemException.notFound("USER_NOT_FOUND", "There is no such user.");
            }
            throw ProblemException.forbidden(e.message());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        boolean self = viewer.userId().map(userId.toString()::equals).orElse(false);
        return Response.status(status)
                .entity(AdminUserPages.detail(
                        user, AdminUserModels.ROLES, audit.join(), self, viewer.getCsrf(), flash, problem))
                .build();
    }

    private List<AuditEntry> auditOrNull(String bearer, UUID userId) {
        try {
            return users.auditLog(bearer, userId, AUDIT_ENTRIES);
        } catch (RuntimeException e) {
            LOG.debugf(e, "audit log unavailable for user %s", userId);
            return null;
        }
    }

    private static Response listPage(
            int status, UserFilters filters, List<AdminUser> items, String next, boolean paged, String problem) {
        return Response.status(status)
                .entity(AdminUserPages.list(
                        filters, AdminUserModels.ROLES, UserFilters.STATUSES, items, next, paged, problem))
                .build();
    }

    private ProblemException unavailable(RuntimeException e) {
        LOG.debugf(e, "users unreachable for the admin");
        return ProblemException.unavailable(
                "USERS_UNAVAILABLE",
                "Accounts cannot be reached right now. Nothing was changed; try again in a moment.",
                config.retryAfterSeconds());
    }

    private static String nextPage(UserFilters filters, String cursor) {
        String query = filters.query();
        return "/admin/users?" + (query.isEmpty() ? "" : query + "&") + "cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static UUID userId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("USER_NOT_FOUND", "There is no such user.");
        }
    }

    private static String userPath(UUID id) {
        return "/admin/users/" + id;
    }
}
