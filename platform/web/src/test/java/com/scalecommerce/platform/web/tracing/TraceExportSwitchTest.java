package com.scalecommerce.platform.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceExportSwitchTest {

    @Test
    void withoutAnEndpointTheSdkIsOff() {
        var tracing = new TraceExportSwitch(Map.<String, String>of()::get, Map.<String, String>of()::get);

        assertThat(tracing.getValue(TraceExportSwitch.SDK_DISABLED)).isEqualTo("true");
        assertThat(tracing.getValue(TraceExportSwitch.RATIO)).isEqualTo("0.0");
    }

    @Test
    void aBlankEndpointIsNone() {
        var tracing =
                new TraceExportSwitch(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")::get, Map.<String, String>of()::get);

        assertThat(tracing.getValue(TraceExportSwitch.SDK_DISABLED)).isEqualTo("true");
    }

    @Test
    void anEndpointTurnsTracingOnAndExportsEveryTraceByDefault() {
        var tracing = new TraceExportSwitch(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")::get, Map.<String, String>of()::get);

        assertThat(tracing.getValue(TraceExportSwitch.SDK_DISABLED)).isEqualTo("false");
        assertThat(tracing.getValue(TraceExportSwitch.RATIO)).isEqualTo("1.0");
    }

    @Test
    void theRatioIsTheOperatorsWhenTracingIsOn() {
        var tracing = new TraceExportSwitch(
                Map.of(
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                        "http://collector:4317",
                        "SCALECOMMERCE_TRACE_SAMPLE_RATIO",
                        "0.05")::get,
                Map.<String, String>of()::get);

        assertThat(tracing.getValue(TraceExportSwitch.SDK_DISABLED)).isEqualTo("false");
        assertThat(tracing.getValue(TraceExportSwitch.RATIO)).isEqualTo("0.05");
    }

    @Test
    void anEndpointGivenAsASystemPropertyCountsToo() {
        var tracing = new TraceExportSwitch(
                Map.<String, String>of()::get,
                Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")::get);

        assertThat(tracing.getValue(TraceExportSwitch.SDK_DISABLED)).isEqualTo("false");
    }
}
