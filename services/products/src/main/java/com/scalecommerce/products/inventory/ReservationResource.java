package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.platform.web.security.Scopes;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Stock holds for other services (orders, during checkout), never for people: a client_credentials token with
 * role SERVICE and scope {@code inventory}. A reservation belongs to the client that placed it.
 */
@Path("/api/inventory/reservations")
@RolesAllowed("SERVICE")
@RunOnVirtualThread
public class ReservationResource {

    static final String SCOPE = "inventory";

    private final ReservationBook reservations;
    private final JsonWebToken caller;

    ReservationResource(ReservationBook reservations, JsonWebToken caller) {
        this.reservations = reservations;
        this.caller = caller;
    }

    /** 201 both times for a repeated request; the repeat is marked {@code Idempotent-Replayed: true}. */
    @POST
    public Response place(@Valid @NotNull ReservationRequest request) {
        var placed = reservations.place(client(), request);
        var response = Response.created(URI.create("/api/inventory/reservations/" + request.reservationId()))
                .entity(placed.reservation());
        if (placed instanceof ReservationBook.Replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    public Reservation get(@PathParam("id") String id) {
        return reservations
                .get(client(), id)
                .orElseThrow(() -> ProblemException.notFound("RESERVATION_NOT_FOUND", "No reservation " + id + "."));
    }

    @POST
    @Path("/{id}/commit")
    public Reservation commit(@PathParam("id") String id) {
        return reservations.commit(client(), id);
    }

    /**
     * Puts a committed reservation's goods back on hand (its order was cancelled before shipping). 200 both times;
     * a repeat changes nothing and is marked {@code Idempotent-Replayed: true}.
     */
    @POST
    @Path("/{id}/restock")
    public Response restock(@PathParam("id") String id) {
        var restocked = reservations.restock(client(), id);
        var response = Response.ok(restocked.reservation());
        if (restocked.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @DELETE
    @Path("/{id}")
    public Reservation release(@PathParam("id") String id) {
        return reservations.release(client(), id);
    }

    private String client() {
        Scopes.require(caller, SCOPE);
        return caller.getSubject();
    }
}
