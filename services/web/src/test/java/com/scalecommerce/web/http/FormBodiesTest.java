package com.scalecommerce.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FormBodies on a bare Vert.x router: the handler after it sees a small url-encoded form already read (what RESTEasy
 * then parses from memory), and anything else still unread, for RESTEasy to read as before.
 */
class FormBodiesTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(FormBodies::readSmallForm).handler(rc -> {
            var body = rc.body().buffer();
            rc.response().end(body == null ? "unread" : "read " + body);
        });
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSmallFormIsReadBeforeTheNextHandler() throws Exception {
        assertThat(post(FORM, BodyPublishers.ofString("_csrf=abc&sku=KITE-1&quantity=2")))
                .isEqualTo("read _csrf=abc&sku=KITE-1&quantity=2");
        assertThat(post("application/x-www-form-urlencoded; charset=UTF-8", BodyPublishers.ofString("q=1")))
                .isEqualTo("read q=1");
    }

    @Test
    void largeChunkedAndOtherBodiesAreLeftForRestEasy() throws Exception {
        String large = "text=" + "a".repeat(FormBodies.MAX_BYTES);
        assertThat(post(FORM, BodyPublishers.ofString(large))).isEqualTo("unread");
        // No Content-Length: the client streams it chunked.
        assertThat(post(FORM, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("q=1".getBytes()))))
                .isEqualTo("unread");
        assertThat(post("application/json", BodyPublishers.ofString("{\"q\":1}")))
                .isEqualTo("unread");
        assertThat(post("multipart/form-data; boundary=x", BodyPublishers.ofString("--x--")))
                .isEqualTo("unread");
    }

    @Test
    void onlyADecimalContentLengthCounts() {
        assertThat(FormBodies.declaredLength("42")).isEqualTo(42);
        assertThat(FormBodies.declaredLength(null)).isEqualTo(-1);
        assertThat(FormBodies.declaredLength("")).isEqualTo(-1);
        assertThat(FormBodies.declaredLength("-1")).isEqualTo(-1);
        assertThat(FormBodies.declaredLength("12 ")).isEqualTo(-1);
        assertThat(FormBodies.declaredLength("9".repeat(19))).isEqualTo(-1);
    }

    private static String post(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/cart/items"))
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        return CLIENT.send(request, BodyHandlers.ofString()).body();
    }
}
