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
 * Writes the HTML pages as the bytes of {@link String#getBytes} in UTF-8. The built-in writer hands the page's
 * String to Vert.x, whose Netty buffer encodes it one {@code charAt} at a time: in the browse journey that was an
 * eighth of web's CPU samples, where the JDK's encoder copies an ASCII page as an array. The bytes on the wire are
 * the same: the built-in writer writes UTF-8 too, and every page declares {@code charset=UTF-8}.
 *
 * <p>A page method returns a {@link TemplateInstance}; the writer is chosen for that type when the app is built,
 * and Qute's response filter has replaced it by the rendered String by the time it writes, as with the built-in
 * writer (which writes {@code toString()} of any object).
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
        context.serverResponse().end(page.toString().getBytes(StandardCharsets.UTF_8));
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
        entityStream.write(page.toString().getBytes(StandardCharsets.UTF_8));
    }
}
