package com.scalecommerce.users.admin;

import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.users.audit.AuditLog;
import com.scalecommerce.users.token.Sessions;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/admin")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminUsersResource {

    private final UserAdministration users;
    private final AuditLog audit;
    private final Sessions sessions;
    private final JsonWebToken caller;

    AdminUsersResource(UserAdministration users, AuditLog audit, Sessions sessions, JsonWebToken caller) {
        this.users = users;
        this.audit = audit;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Path("/users")
    public Page<AdminUser> search(
            @QueryParam("q") String query,
            @QueryParam("role") @Pattern(regexp = "CUSTOMER|ADMIN", message = "must be CUSTOMER or ADMIN") String role,
            @QueryParam("status") @Pattern(regexp = "ACTIVE|DISABLED", message = "must be ACTIVE or DISABLED")
                    String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return users.search(query, role, status, cursor, limit);
    }

    @GET
    @Path("/users/{id}")
    public AdminUser get(@PathParam("id") UUID id) {
        return users.get(id);
    }

    @POST
    @Path("/users/{id}/disable")
    public AdminUser disable(@PathParam("id") UUID id) {
        return users.disable(me(), id);
    }

    @POST
    @Path("/users/{id}/enable")
    public AdminUser enable(@PathParam("id") UUID id) {
        return users.enable(me(), id);
    }

    @PUT
    @Path("/users/{id}/roles")
    public AdminUser changeRoles(@PathParam("id") UUID id, @Valid @NotNull RoleChange change) {
        return users.changeRoles(me(), id, change.roles());
    }

    @GET
    @Path("/audit-log")
    public List<AuditLog.Entry> auditLog(
            @QueryParam("target") UUID target,
            @QueryParam("before") Long beforeId,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return audit.list(target, beforeId, Math.clamp(limit, 1, 200));
    }

    // Checked against what users knows now: a logged-out session or a disabled account is refused at once.
    private UUID me() {
        return sessions.current(caller).account().id();
    }
}
