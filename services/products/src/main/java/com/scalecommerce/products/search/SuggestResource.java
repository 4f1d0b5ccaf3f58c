package com.scalecommerce.products.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.products.cache.CatalogCache;
import com.scalecommerce.products.cache.HttpCaching;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Autocomplete. It emits no search.performed: it runs on every keystroke, so its "searches" are fragments of
 * one, and counting them would drown the real zero-result queries analytics is after.
 */
@Path("/api/search/suggest")
@RunOnVirtualThread
public class SuggestResource {

    private final Suggestions suggestions;
    private final CatalogCache cache;
    private final HttpCaching http;
    private final SearchConfig config;
    private final ObjectMapper json;

    SuggestResource(
            Suggestions suggestions, CatalogCache cache, HttpCaching http, SearchConfig config, ObjectMapper json) {
        this.suggestions = suggestions;
        this.cache = cache;
        this.http = http;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response suggest(
            @QueryParam("q") String q,
            @QueryParam("limit") Integer limit,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        int size = Math.clamp(limit == null ? config.suggestLimit() : limit, 1, 20);
        String query = q == null ? "" : q;
        var body = cache.getOrLoad("suggest", size + "|" + query.strip(), () -> {
            var found = suggestions.suggest(query, size);
            try {
                return new CatalogCache.Rendered(
                        json.writeValueAsString(found), found.products().size());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return http.respond(body, ifNoneMatch);
    }
}
