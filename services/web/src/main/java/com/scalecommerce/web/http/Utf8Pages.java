package com.scalecommerce.web.http;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Renders and writes the HTML pages: a page method returns a {@link TemplateInstance} (or a Response with one),
 * which is rendered here, on the request's virtual thread, and written as the bytes of {@link String#getBytes} in
 * UTF-8 (every page declares {@code charset=UTF-8}).
 *
 * <p>Two things this replaces, both measured in the browse journey:
 *
 * <ul>
 *   <li>Quarkus REST's Qute integration rendered a returned TemplateInstance through a Uni guarded by a 10 s
 *       timeout, a task on the worker pool's timer per page. The task held the request's context until it expired,
 *       so every request's context reached the old generation: about 8 MB/s on the home page under load, and a
 *       full collection of about 200 ms every 15 to 20 s. Our templates get all their data before rendering, so
 *       the render finishes at once and needs no timer. The integration is not a dependency any more.
 *   <li>The built-in writer handed the page's String to Vert.x, whose Netty buffer encoded it one {@code charAt} at
 *       a time (an eighth of web's CPU samples), where the JDK's encoder copies an ASCII page as an array.
 * </ul>
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Produces(MediaType.TEXT_HTML)
public class Utf8Pages implements ServerMessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return isPage(type);
    }

    @Override
    public void writeResponse(Object page, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(html(page).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isPage(type);
    }

    private static boolean isPage(Class<?> type) {
        return type == String.class || TemplateInstance.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            Object page,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream)
            throws IOException {
        entityStream.write(html(page).getBytes(StandardCharsets.UTF_8));
    }

    private static String html(Object page) {
        return page instanceof TemplateInstance template ? template.render() : page.toString();
    }
}
