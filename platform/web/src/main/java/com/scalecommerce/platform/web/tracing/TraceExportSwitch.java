package com.scalecommerce.platform.web.tracing;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is on when an OTLP endpoint is configured, and off otherwise. Quarkus fixes the exporter and sampler at
 * build time; whether the SDK runs, and the sampling ratio, are read at run time.
 *
 * <p>With an endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), every request gets a span, W3C trace context travels
 * on REST client calls, trace and span ids reach the logs, and spans are exported at the ratio
 * {@code SCALECOMMERCE_TRACE_SAMPLE_RATIO} (default 1).
 *
 * <p>Without one, the SDK is disabled. It used to run with a sampling ratio of 0, which kept trace context and
 * trace ids for a backend that was not there: JFR put the instrumentation at 8 % of the storefront's event loop
 * under the browse journey (spans are built, given their attributes and stored in the request's context even when
 * they are not recorded), against 1 % with the SDK off. Requests stay correlated across services and in the logs
 * by their {@code X-Request-Id}, which every service forwards (RequestIdFilters). Set the endpoint on every
 * service or on none: a service without it does not pass a caller's trace context on.
 */
public class TraceExportSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String RATIO = "quarkus.otel.traces.sampler.arg";

    private final Map<String, String> properties;

    public TraceExportSwitch() {
        this(System::getenv, System::getProperty);
    }

    TraceExportSwitch(UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
        boolean export = endpointConfigured(environment, systemProperties);
        String chosen = environment.apply("SCALECOMMERCE_TRACE_SAMPLE_RATIO");
        String ratio = !export ? "0.0" : chosen == null || chosen.isBlank() ? "1.0" : chosen.strip();
        this.properties = Map.of(SDK_DISABLED, String.valueOf(!export), RATIO, ratio);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
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

    private static boolean endpointConfigured(
            UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
        for (String name : new String[] {
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
        }) {
            String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        String property = systemProperties.apply("quarkus.otel.exporter.otlp.endpoint");
        return property != null && !property.isBlank();
    }
}
