package com.scalecommerce.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Pages are rendered by Utf8Pages on the request's thread. Quarkus REST's Qute integration, if it came back on the
 * classpath, would take a returned TemplateInstance first and render it through a Uni with a 10 s timer per page,
 * which kept each request's context alive for those 10 s (Utf8Pages says more). StorefrontPagesTest checks the
 * rendered pages themselves.
 */
class Utf8PagesTest {

    @Test
    void theRestQuteIntegrationIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("io.quarkus.resteasy.reactive.qute.runtime.TemplateResponseUniHandler"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aStringPageIsWrittenAsIs() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        new Utf8Pages().writeTo("<p>Crème ★</p>", String.class, String.class, null, null, null, out);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("<p>Crème ★</p>");
    }
}
