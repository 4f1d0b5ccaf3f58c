package com.scalecommerce.platform.web.tracing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Exports spans only when an OTLP endpoint is configured. Quarkus fixes the exporter and sampler at build
 * time, but the sampling ratio is read at run time: with no endpoint it is 0, so no span is recorded or sent
 * (and nothing logs connection errors), while trace context is still propagated and trace ids still reach
 * the logs. Setting OTEL_EXPORTER_OTLP_ENDPOINT turns export on (ratio SCALECOMMERCE_TRACE_SAMPLE_RATIO, default 1).
 */
public class TraceExportSwitch implements ConfigSource {

    static final String RATIO = "quarkus.otel.traces.sampler.arg";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(RATIO, ratio());
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(RATIO);
    }

    @Override
    public String getValue(String propertyName) {
        return RATIO.equals(propertyName) ? ratio() : null;
    }

    @Override
    public String getName() {
        return "scalecommerce-trace-export-switch";
    }

    /** Above the platform defaults (100), below a service's application.properties (250) and the environment. */
    @Override
    public int getOrdinal() {
        return 150;
    }

    static String ratio() {
        return endpointConfigured() ? System.getenv().getOrDefault("SCALECOMMERCE_TRACE_SAMPLE_RATIO", "1.0") : "0.0";
    }

    private static boolean endpointConfigured() {
        for (String name : new String[] {
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
        }) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        String property = System.getProperty("quarkus.otel.exporter.otlp.endpoint");
        return property != null && !property.isBlank();
    }
}
