package com.scalecommerce.users.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Shared with every service's verifier (platform/web reads the same key for mp.jwt.verify.issuer). */
@ConfigMapping(prefix = "scalecommerce.jwt")
public interface JwtSettings {

    String AUDIENCE = "scalecommerce";
    String ACCESS_TOKEN_TYPE = "at+jwt";
    String ALGORITHM = "RS256";

    @WithDefault("http://localhost:8081")
    String issuer();
}
