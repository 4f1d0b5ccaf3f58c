package com.scalecommerce.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * One HTTP answer, kept whole so that a failing assertion can print what the service actually said
 * ({@link #describe()}): an e2e failure without the response body is a failure nobody can act on.
 */
public record Reply(String method, URI uri, int status, HttpHeaders headers, String body) {

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

    /** "POST http://... -> 409 application/problem+json" and the body, for assertion messages. */
    public String describe() {
        return method + " " + uri + " -> " + status + " " + contentType() + "\n" + body;
    }
}
