package com.scalecommerce.web.admin.users;

import com.scalecommerce.web.admin.users.AdminUserModels.AdminUser;
import com.scalecommerce.web.admin.users.AdminUserModels.AuditEntry;
import com.scalecommerce.web.admin.users.AdminUserModels.RoleChange;
import com.scalecommerce.web.admin.users.AdminUserModels.UserPage;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Users' administration API (ADMIN token): search, one account, disable/enable, roles, the audit log. */
@RegisterRestClient(configKey = "users")
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface AdminUsersApi {

    String AUTHORIZATION = "Authorization";

    /** {@code q}: email or name; {@code role}: CUSTOMER|ADMIN; {@code status}: ACTIVE|DISABLED. */
    @GET
    @Path("/users")
    UserPage search(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("q") String query,
            @QueryParam("role") String role,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/users/{id}")
    AdminUser get(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/users/{id}/disable")
    AdminUser disable(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/users/{id}/enable")
    AdminUser enable(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @PUT
    @Path("/users/{id}/roles")
    AdminUser changeRoles(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, RoleChange change);

    /** The newest entries about {@code target} first. */
    @GET
    @Path("/audit-log")
    List<AuditEntry> auditLog(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("target") UUID target,
            @QueryParam("limit") Integer limit);

    /** A 4xx (CANNOT_DISABLE_SELF, USER_NOT_FOUND, a bad filter) is users' answer; 5xx stay failures. */
    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "Users refused that request.");
    }
}
