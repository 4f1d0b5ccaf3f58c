package com.scalecommerce.web.admin.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The orders service's pricing settings: shipping zones and methods, tax rates, discount codes (ADMIN only). */
@RegisterRestClient(configKey = "orders-admin")
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PricingSettingsApi {

    String AUTHORIZATION = "Authorization";

    @GET
    @Path("/shipping/zones")
    Page<Zone> zones(@HeaderParam(AUTHORIZATION) String bearer, @QueryParam("limit") int limit);

    @GET
    @Path("/shipping/zones/{id}")
    Zone zone(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/shipping/zones")
    Zone createZone(@HeaderParam(AUTHORIZATION) String bearer, ZoneInput zone);

    @PUT
    @Path("/shipping/zones/{id}")
    Zone replaceZone(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, ZoneInput zone);

    @DELETE
    @Path("/shipping/zones/{id}")
    void deleteZone(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/shipping/zones/{id}/methods")
    Method addMethod(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID zoneId, MethodInput method);

    @PUT
    @Path("/shipping/zones/{id}/methods/{methodId}")
    Method replaceMethod(
            @HeaderParam(AUTHORIZATION) String bearer,
            @PathParam("id") UUID zoneId,
            @PathParam("methodId") UUID methodId,
            MethodInput method);

    @DELETE
    @Path("/shipping/zones/{id}/methods/{methodId}")
    void deleteMethod(
            @HeaderParam(AUTHORIZATION) String bearer,
            @PathParam("id") UUID zoneId,
            @PathParam("methodId") UUID methodId);

    @GET
    @Path("/tax-rates")
    Page<TaxRate> taxRates(@HeaderParam(AUTHORIZATION) String bearer, @QueryParam("limit") int limit);

    @GET
    @Path("/tax-rates/{id}")
    TaxRate taxRate(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/tax-rates")
    TaxRate createTaxRate(@HeaderParam(AUTHORIZATION) String bearer, TaxRateInput rate);

    @PUT
    @Path("/tax-rates/{id}")
    TaxRate replaceTaxRate(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, TaxRateInput rate);

    @DELETE
    @Path("/tax-rates/{id}")
    void deleteTaxRate(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/discounts")
    Page<Discount> discounts(@HeaderParam(AUTHORIZATION) String bearer, @QueryParam("limit") int limit);

    @GET
    @Path("/discounts/{id}")
    Discount discount(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/discounts")
    Discount createDiscount(@HeaderParam(AUTHORIZATION) String bearer, DiscountInput discount);

    @PUT
    @Path("/discounts/{id}")
    Discount replaceDiscount(
            @HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, DiscountInput discount);

    @DELETE
    @Path("/discounts/{id}")
    void deleteDiscount(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "The shop's settings did not accept that.");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> items, String nextCursor) {}

    /** A country, or one region of it; a blank region is the whole country. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Area(String country, String region) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Zone(UUID id, String name, List<Area> areas, List<Method> methods) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WeightBand(Long upToGrams, Long rateMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Method(
            UUID id,
            UUID zoneId,
            String name,
            String kind,
            String currency,
            Long rateMinor,
            Long freeOverMinor,
            List<WeightBand> weightBands,
            int minDays,
            int maxDays,
            boolean active) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaxRate(
            UUID id, String country, String region, String name, BigDecimal ratePercent, boolean shippingTaxable) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Discount(
            UUID id,
            String code,
            String kind,
            BigDecimal percentOff,
            Long amountOffMinor,
            String currency,
            Long minSubtotalMinor,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            Integer usageLimit,
            Integer perCustomerLimit,
            int used,
            boolean active) {}

    record ZoneInput(String name, List<Area> areas) {}

    record MethodInput(
            String name,
            String kind,
            String currency,
            Long rateMinor,
            Long freeOverMinor,
            List<WeightBand> weightBands,
            Integer minDays,
            Integer maxDays,
            Boolean active) {}

    record TaxRateInput(String country, String region, String name, BigDecimal ratePercent, Boolean shippingTaxable) {}

    record DiscountInput(
            String code,
            String kind,
            BigDecimal percentOff,
            Long amountOffMinor,
            String currency,
            Long minSubtotalMinor,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            Integer usageLimit,
            Integer perCustomerLimit,
            Boolean active) {

        static DiscountInput of(Discount d, boolean active) {
            return new DiscountInput(
                    d.code(),
                    d.kind(),
                    d.percentOff(),
                    d.amountOffMinor(),
                    d.currency(),
                    d.minSubtotalMinor(),
                    d.startsAt(),
                    d.endsAt(),
                    d.usageLimit(),
                    d.perCustomerLimit(),
                    active);
        }
    }
}
