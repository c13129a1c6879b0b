package io.crmbridge.sandbox.objects;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * HubSpot's batch answer ({@code BatchResponse...} / {@code ...WithErrors}): status, results, timings, and the
 * errors with their count when some inputs failed.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResponse<T>(String status, List<T> results, String requestedAt, String startedAt,
        String completedAt, Integer numErrors, List<BatchError> errors, Map<String, String> links) {

    /**
     * {@code StandardError}: one failure of a batch, with the ids or values it concerns in {@code context}. Its
     * {@code subCategory} is published as an object (unlike {@code Error}'s string); left out when there is none.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchError(String status, String category, Map<String, Object> subCategory, String message,
            Map<String, List<String>> context, List<Object> errors, Map<String, String> links) {

        public static BatchError of(String category, String message, Map<String, List<String>> context) {
            return new BatchError("error", category, null, message, context, List.of(), Map.of());
        }

        public static BatchError from(SandboxApiException e, String input) {
            return new BatchError("error", e.error().category(), null, e.error().message(),
                    Map.of("id", List.of(input == null ? "" : input)), List.of(), Map.of());
        }
    }

    public static <T> BatchResponse<T> complete(List<T> results, Instant startedAt, Instant completedAt,
            List<BatchError> errors) {
        boolean failed = errors != null && !errors.isEmpty();
        return new BatchResponse<>("COMPLETE", results, null, Timestamps.format(startedAt),
                Timestamps.format(completedAt), failed ? errors.size() : null, failed ? errors : null, null);
    }

    public boolean hasErrors() {
        return numErrors != null && numErrors > 0;
    }

    /** {@code okStatus} when every input succeeded, 207 Multi-Status when some failed. */
    public Response toResponse(int okStatus) {
        return Response.status(hasErrors() ? 207 : okStatus).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }
}
