package com.scalecommerce.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.web")
public interface WebConfig {

    /** Products per category or search page; products caps it as well. */
    @WithDefault("24")
    int pageSize();

    /** What a 503 page tells the browser (Retry-After) when products or orders cannot be reached. */
    @WithDefault("5")
    int retryAfterSeconds();

    /**
     * The AES-256 key (base64 of 32 bytes) that encrypts and authenticates the session cookie; the CSRF key is
     * derived from it. No default: the launcher generates one per machine (WEB_SESSION_KEY in .run/secrets.env).
     */
    String sessionKey();

    /**
     * Local development over plain http: the cookie is sent without Secure and therefore named {@code sc}, since
     * browsers refuse a {@code __Host-} cookie that is not Secure. Never true in production.
     */
    @WithDefault("false")
    boolean insecureCookies();
}
