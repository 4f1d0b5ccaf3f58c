package com.scalecommerce.web.http;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.platform.web.problem.ProblemMappers;
import com.scalecommerce.web.storefront.Pages;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * platform-web answers every failure with problem+json, right for APIs and wrong for a shopper's browser. Here a
 * request that accepts HTML gets a friendly page with the same status (and Retry-After on a 503) instead; one that
 * asks for JSON (the autocomplete) still gets the problem. These mappers run before platform-web's (lower
 * priority value wins for the same exception type). The error page is rendered without calling any service, so it
 * works when the failure is a service being down.
 */
public class HtmlErrors {

    private static final Logger LOG = Logger.getLogger(HtmlErrors.class);
    private static final int BEFORE_PLATFORM = Priorities.USER - 100;

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = BEFORE_PLATFORM)
    public Response problem(ProblemException e, HttpHeaders headers) {
        if (!wantsHtml(headers)) {
            return problems.problem(e);
        }
        var page = page(e.status(), titleFor(e.status()), e.getMessage());
        e.headers().forEach(page::header);
        return page.build();
    }

    @ServerExceptionMapper(priority = BEFORE_PLATFORM)
    public Response http(WebApplicationException e, HttpHeaders headers) {
        if (e.getResponse().getStatus() / 100 == 3) {
            // A redirect thrown on purpose (e.g. "sign in first" from the admin gate): it is the answer.
            return e.getResponse();
        }
        if (!wantsHtml(headers)) {
            return problems.http(e);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String message = status == 404
                ? "We could not find that page."
                : status >= 500 ? "Something went wrong on our side. Please try again." : "That request is not valid.";
        return page(status, titleFor(status), message).build();
    }

    @ServerExceptionMapper(priority = BEFORE_PLATFORM)
    public Response unexpected(Throwable e, HttpHeaders headers) {
        if (!wantsHtml(headers)) {
            return problems.unexpected(e);
        }
        LOG.error("Unexpected failure", e);
        return page(500, titleFor(500), "Something went wrong on our side. Please try again.")
                .build();
    }

    private static Response.ResponseBuilder page(int status, String title, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Pages.error(List.of(), status, title, message).render());
    }

    /** Browsers send text/html; a caller asking for JSON only is a script. No Accept at all: a person, probably. */
    private static boolean wantsHtml(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || !accept.contains("json");
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "That did not work";
            case 403 -> "Please try again";
            case 404 -> "Page not found";
            case 501 -> "Not available yet";
            case 503 -> "The shop is busy";
            default -> status >= 500 ? "Something went wrong" : "That did not work";
        };
    }
}
