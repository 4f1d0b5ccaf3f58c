package com.scalecommerce.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One HTTP answer, kept whole so that a failing assertion can print what the service actually said
 * ({@link #describe()}): an e2e failure without the response body is a failure nobody can act on.
 */
public record Reply(String method, URI uri, int status, HttpHeaders headers, String body, Duration elapsed) {

    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + describe(), e);
        }
    }

    /** The header's first value, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** The RFC 9457 problem's machine-readable {@code code}, or null when the answer is not a problem. */
    public String problemCode() {
        JsonNode code = json().path("code");
        return code.isTextual() ? code.asText() : null;
    }

    /** Fails with the whole answer unless the status is the expected one; returns this for chaining. */
    public Reply expect(int expectedStatus) {
        if (status != expectedStatus) {
            throw new AssertionError("expected " + expectedStatus + " but got: " + describe());
        }
        return this;
    }

    /** "POST http://... -> 409 application/problem+json in 12 ms" and the body, for assertion messages. */
    public String describe() {
        return method + " " + uri + " -> " + status + " " + contentType() + " in " + elapsed.toMillis() + " ms\n"
                + body;
    }

    /** Short, for lists of answers: "POST /api/checkout -> 409 OUT_OF_STOCK". */
    @Override
    public String toString() {
        return method + " " + uri.getPath() + " -> " + kind();
    }

    /** The status with the problem code when there is one: "409 OUT_OF_STOCK", "201". */
    public String kind() {
        String code = isProblem() ? problemCode() : null;
        return code == null ? Integer.toString(status) : status + " " + code;
    }

    /** Whether the answer is an RFC 9457 problem document. */
    public boolean isProblem() {
        String type = contentType();
        return type != null && type.startsWith("application/problem+json");
    }

    /**
     * "201 x20, 409 OUT_OF_STOCK x180, slowest 2300 ms" and the first answer that {@code unexpected} picks out, in
     * full: what a failed assertion over many concurrent answers should say.
     */
    public static String summarize(Collection<Reply> replies, Predicate<Reply> unexpected) {
        Map<String, Integer> byKind = new TreeMap<>();
        replies.forEach(reply -> byKind.merge(reply.kind(), 1, Integer::sum));
        var summary = new StringBuilder();
        byKind.forEach((kind, count) -> summary.append(summary.isEmpty() ? "" : ", ")
                .append(kind)
                .append(" x")
                .append(count));
        replies.stream()
                .map(Reply::elapsed)
                .max(Duration::compareTo)
                .ifPresent(slowest ->
                        summary.append(", slowest ").append(slowest.toMillis()).append(" ms"));
        replies.stream()
                .filter(unexpected)
                .findFirst()
                .ifPresent(
                        first -> summary.append("; first unexpected answer: ").append(first.describe()));
        return summary.toString();
    }
}
