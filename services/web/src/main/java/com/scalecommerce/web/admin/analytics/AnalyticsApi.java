package com.scalecommerce.web.admin.analytics;

import com.scalecommerce.web.admin.analytics.AnalyticsModels.ByCategory;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.ByProduct;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Cohorts;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Customers;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Funnel;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Inventory;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Products;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Sales;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Searches;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.TopCustomers;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Analytics' admin reports (ADMIN token). {@code from}/{@code to} are dates, {@code to} exclusive; a null query
 * parameter is left out, so analytics applies its default.
 */
@RegisterRestClient(configKey = "analytics")
@Path("/api/admin/analytics")
@Produces(MediaType.APPLICATION_JSON)
interface AnalyticsApi {

    String AUTHORIZATION = "Authorization";

    @GET
    @Path("/sales")
    Sales sales(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity);

    @GET
    @Path("/sales/by-product")
    ByProduct salesByProduct(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/sales/by-category")
    ByCategory salesByCategory(
            @HeaderParam(AUTHORIZATION) String bearer, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/products")
    Products products(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/funnel")
    Funnel funnel(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity);

    @GET
    @Path("/customers")
    Customers customers(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity);

    @GET
    @Path("/customers/cohorts")
    Cohorts cohorts(
            @HeaderParam(AUTHORIZATION) String bearer, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/customers/top")
    TopCustomers topCustomers(@HeaderParam(AUTHORIZATION) String bearer, @QueryParam("limit") Integer limit);

    @GET
    @Path("/search")
    Searches search(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/inventory")
    Inventory inventory(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit);

    /**
     * Any report as CSV ({@code format=csv}); {@code dashboard} is the first path segment ({@code sales}) and
     * {@code view} the optional second ({@code by-product}), so no slash has to travel inside a path parameter.
     * Parameters a report does not take are ignored by analytics.
     */
    @GET
    @Path("/{dashboard}")
    @Produces("text/csv")
    Response csv(
            @HeaderParam(AUTHORIZATION) String bearer,
            @PathParam("dashboard") String dashboard,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity,
            @QueryParam("limit") Integer limit,
            @QueryParam("format") String format);

    @GET
    @Path("/{dashboard}/{view}")
    @Produces("text/csv")
    Response csv(
            @HeaderParam(AUTHORIZATION) String bearer,
            @PathParam("dashboard") String dashboard,
            @PathParam("view") String view,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity,
            @QueryParam("limit") Integer limit,
            @QueryParam("format") String format);

    /** A 4xx (a bad parameter, a token without ADMIN) is analytics' answer; 5xx stay failures. */
    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "Analytics refused that report.");
    }
}
