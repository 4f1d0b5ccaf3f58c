package com.scalecommerce.platform.web;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** Endpoints that fail in each way a real service can, so the tests can see what a client receives. */
@Path("/probe")
@RunOnVirtualThread
public class ProbeResource {

    public record Signup(
            @NotBlank @Email String email, @Min(1) int quantity) {}

    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    public String signup(@Valid Signup signup) {
        return "ok";
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw ProblemException.conflict("EMAIL_TAKEN", "That email is already registered.");
    }

    @GET
    @Path("/throttled")
    public String throttled() {
        throw ProblemException.tooManyRequests(42);
    }

    /** What the JDBC driver throws when PostgreSQL refuses a connection (all slots taken). */
    @GET
    @Path("/database-full")
    public String databaseFull() {
        throw new IllegalStateException(new java.sql.SQLException("FATAL: sorry, too many clients already", "53300"));
    }

    @GET
    @Path("/bug")
    public String bug() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/admin")
    @RolesAllowed("ADMIN")
    public String admin() {
        return "admin";
    }
}
