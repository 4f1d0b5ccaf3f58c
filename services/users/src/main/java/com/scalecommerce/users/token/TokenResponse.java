package com.scalecommerce.users.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth2 token response shape (RFC 6749 section 5.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("scope") String scope) {

    public static TokenResponse of(AccessTokens.Issued access, String refreshToken, String scope) {
        return new TokenResponse(access.token(), "Bearer", access.expiresIn(), refreshToken, scope);
    }
}
