package com.scalecommerce.products.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Demo mode as the launcher runs it: the empty catalog is filled at startup. */
public class DemoMode implements QuarkusTestProfile {

    static final long STARTUP_SEED = 42;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "scalecommerce.products.demo.enabled", "true",
                "scalecommerce.products.demo.products", "2000",
                "scalecommerce.products.demo.seed", Long.toString(STARTUP_SEED));
    }
}
