package com.scalecommerce.products.category;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.products.cache.CatalogCache;
import com.scalecommerce.products.cache.HttpCaching;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The category tree shoppers browse, with active product counts (descendants included). */
@Path("/api/categories")
@RunOnVirtualThread
public class CategoryTreeResource {

    private final Categories categories;
    private final CatalogCache cache;
    private final HttpCaching http;
    private final ObjectMapper json;

    CategoryTreeResource(Categories categories, CatalogCache cache, HttpCaching http, ObjectMapper json) {
        this.categories = categories;
        this.cache = cache;
        this.http = http;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response tree(@HeaderParam("If-None-Match") String ifNoneMatch) {
        var body = cache.getOrLoad("categories", "tree", () -> {
            try {
                var tree = categories.tree();
                return new CatalogCache.Rendered(json.writeValueAsString(Map.of("items", tree)), tree.size());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return http.respond(body, ifNoneMatch);
    }
}
