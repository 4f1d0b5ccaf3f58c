package com.scalecommerce.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pages are rendered by Utf8Pages on the request's thread. Quarkus REST's Qute integration, if it came back on the
 * classpath, would take a returned TemplateInstance first and render it through a Uni with a 10 s timer per page,
 * which kept each request's context alive for those 10 s (Utf8Pages says more). StorefrontPagesTest checks the
 * pages the app serves; with nothing else on the classpath to render a TemplateInstance, it fails too if this
 * writer is not the one chosen.
 */
class Utf8PagesTest {

    @Test
    void theRestQuteIntegrationIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("io.quarkus.resteasy.reactive.qute.runtime.TemplateResponseUniHandler"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aTemplateInstanceIsRenderedAndWrittenAsUtf8() throws Exception {
        TemplateInstance page =
                Engine.builder().addDefaults().build().parse("<h1>{name}</h1>").data("name", "Crème Kite ★ 風");
        var out = new ByteArrayOutputStream();

        new Utf8Pages().writeTo(page, TemplateInstance.class, TemplateInstance.class, null, null, null, out);

        assertThat(out.toByteArray()).isEqualTo("<h1>Crème Kite ★ 風</h1>".getBytes(StandardCharsets.UTF_8));
    }
}
