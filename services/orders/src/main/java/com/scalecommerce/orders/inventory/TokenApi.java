package com.scalecommerce.orders.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The users service's OAuth2 token endpoint, for this service's own client_credentials token. */
@RegisterRestClient(configKey = "users-token")
@Path("/api/auth/token")
interface TokenApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn) {}

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    TokenResponse token(
            @FormParam("grant_type") String grantType,
            @FormParam("scope") String scope,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret);
}
