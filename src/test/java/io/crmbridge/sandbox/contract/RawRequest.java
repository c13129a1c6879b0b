package io.crmbridge.sandbox.contract;

import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;

/**
 * One HTTP request as it reached (or would reach) the sandbox: method, full path including
 * {@code /sandbox/hubspot}, decoded query parameters, headers and the raw body (null when there is none).
 */
public record RawRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
        String body) {

    public RawRequest {
        query = query == null ? Map.of() : query;
        headers = headers == null ? Map.of() : headers;
    }

    public static RawRequest of(String method, String path) {
        return new RawRequest(method, path, Map.of(), Map.of(), null);
    }

    /** A JSON request carrying the static private-app token, as a well-behaved client sends it. */
    public static RawRequest json(String method, String path, Map<String, List<String>> query, String body) {
        return new RawRequest(method, path, query, Map.of(
                "Authorization", List.of("Bearer " + SandboxContract.STATIC_TOKEN),
                "Content-Type", List.of("application/json")), body);
    }

    Request toValidatorRequest() {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        query.forEach(builder::withQueryParam);
        headers.forEach(builder::withHeader);
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }
}
