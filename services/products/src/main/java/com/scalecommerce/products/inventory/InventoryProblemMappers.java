package com.scalecommerce.products.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.requestid.RequestIds;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Out-of-stock answers carry the shortages as data, so a checkout can offer what is left without parsing text. */
public class InventoryProblemMappers {

    @ServerExceptionMapper
    public Response outOfStock(OutOfStock e) {
        var body = new OutOfStockProblem(
                Problem.typeFor(e.code()),
                e.title(),
                e.status(),
                e.getMessage(),
                e.code(),
                RequestIds.current(),
                e.errors(),
                e.shortages());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** RFC 9457 allows extension members: {@code shortages} is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutOfStockProblem(
            URI type,
            String title,
            int status,
            String detail,
            String code,
            String requestId,
            List<Problem.FieldError> errors,
            List<OutOfStock.Shortage> shortages) {}
}
