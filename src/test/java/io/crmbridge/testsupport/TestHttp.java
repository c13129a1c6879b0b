package io.crmbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The tests' one plain HTTP client: JSON over HTTP/1.1 to the application under test (a path, resolved against
 * RestAssured's port and base path) or to any absolute {@code http(s)://} URL (another process, the benchmark's and
 * reliability runs' bridges and sandboxes). An answer is a status and a body; an I/O failure (refused, dropped or timed
 * out) is the answer with status -1, its exception kept.
 * <p>
 * For the loops that send hundreds of requests (bursts of events, CRM audits) it replaces RestAssured, which compiles
 * a Groovy script for every {@code path(..)} it reads and dispatches every call through Groovy's meta classes: a
 * profile of a 300-event burst test showed three quarters of the test JVM's CPU there, so the bridge under test got a
 * quarter of a machine that is its only measure of progress. Single requests whose answers a test asserts in detail
 * stay with RestAssured.
 */
public final class TestHttp {

    /** The mapper for bodies sent and read (and for the JSON files the harnesses write). */
    public static final ObjectMapper JSON = new ObjectMapper();
    /** How long a request may wait for its answer unless it says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestHttp() {
    }

    /**
     * An answer: its status and body, or status -1, the exception's text as body and the exception itself in
     * {@code failure}.
     */
    public record Answer(int status, String body, IOException failure) {

        /** A 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON (a missing node when it is empty). */
        public JsonNode json() {
            try {
                return JSON.readTree(body == null ? "" : body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }

        /** This answer's JSON, after checking its status. */
        public JsonNode json(int expectedStatus) {
            expect(expectedStatus);
            return json();
        }

        /** Fails unless the status is one of the expected ones. */
        public Answer expect(int... expectedStatuses) {
            for (int s : expectedStatuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new AssertionError("expected HTTP " + java.util.Arrays.toString(expectedStatuses) + " but got "
                    + status + ": " + body, failure);
        }

        /** Fails unless the status is a 2xx; {@code what} names the call in the message. */
        public Answer expectOk(String what) {
            if (!ok()) {
                throw new AssertionError(what + " answered " + status + ": " + body, failure);
            }
            return this;
        }
    }

    /** {@code Authorization: Bearer <token>}, or no header for a null token. */
    public static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    /** A value as JSON text. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** GET a path of the application under test, or an absolute URL. */
    public static Answer get(String pathOrUrl, Map<String, String> headers) {
        return send("GET", pathOrUrl, headers, null, DEFAULT_TIMEOUT);
    }

    /** POST a JSON body (a String is sent as it is, JSON text; anything else serialised) to a path or an absolute URL. */
    public static Answer post(String pathOrUrl, Map<String, String> headers, Object body) {
        return send("POST", pathOrUrl, headers, body, DEFAULT_TIMEOUT);
    }

    /** PUT a JSON body to a path or an absolute URL. */
    public static Answer put(String pathOrUrl, Map<String, String> headers, Object body) {
        return send("PUT", pathOrUrl, headers, body, DEFAULT_TIMEOUT);
    }

    /** DELETE a path or an absolute URL. */
    public static Answer delete(String pathOrUrl, Map<String, String> headers) {
        return send("DELETE", pathOrUrl, headers, null, DEFAULT_TIMEOUT);
    }

    /** Any method, with a JSON body when {@code body} is not null, answered within {@code timeout} or status -1. */
    public static Answer send(String method, String pathOrUrl, Map<String, String> headers, Object body,
            Duration timeout) {
        String text = body == null ? null : body instanceof String s ? s : toJson(body);
        HttpRequest.Builder request = request(pathOrUrl, headers, timeout).method(method,
                text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** POST raw bytes with exactly the given headers (no Content-Type added). */
    public static Answer postBytes(String pathOrUrl, Map<String, String> headers, byte[] body, Duration timeout) {
        return send(request(pathOrUrl, headers, timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpRequest.Builder request(String pathOrUrl, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathOrUrl))).timeout(timeout);
        headers.forEach(request::header);
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(-1, String.valueOf(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String url(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        String basePath = RestAssured.basePath == null || "/".equals(RestAssured.basePath) ? "" : RestAssured.basePath;
        return "http://localhost:" + RestAssured.port + basePath + pathOrUrl;
    }
}
