package io.crmbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * Plain HTTP to the application under test, for the loops that send hundreds of requests (bursts of events, CRM
 * audits). RestAssured compiles a Groovy script for every {@code path(..)} it reads and dispatches every call through
 * Groovy's meta classes: a profile of a 300-event burst test showed three quarters of the test JVM's CPU there, so
 * the bridge under test got a quarter of a machine that is its only measure of progress. Single requests whose
 * answers a test asserts in detail stay with RestAssured.
 */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestHttp() {
    }

    /** An answer: its status and body. */
    public record Answer(int status, String body) {

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }

        /** This answer's JSON, after checking its status. */
        public JsonNode json(int expectedStatus) {
            expect(expectedStatus);
            return json();
        }

        /** Fails unless the status is the expected one. */
        public Answer expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError("expected HTTP " + expectedStatus + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    /** POST a JSON body to a path of the application under test (RestAssured's port and base path). */
    public static Answer post(String path, Map<String, String> headers, String body) {
        return send("POST", path, headers, body);
    }

    /** GET a path of the application under test. */
    public static Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    private static Answer send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String base() {
        String basePath = RestAssured.basePath == null || "/".equals(RestAssured.basePath) ? "" : RestAssured.basePath;
        return "http://localhost:" + RestAssured.port + basePath;
    }
}
