package io.crmbridge.sandbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * HubSpot's error body ({@code Error} in the published CRM specs): {@code category}, {@code correlationId} and
 * {@code message} always; {@code context}, {@code errors} and {@code subCategory} where they say more.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HubSpotError(
        String status,
        String message,
        String correlationId,
        String category,
        String subCategory,
        Map<String, List<String>> context,
        List<Detail> errors,
        Map<String, String> links) {

    /** {@code ErrorDetail} in the specs. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String message, String code, String in, String subCategory, Map<String, List<String>> context) {
        public static Detail of(String message, String code) {
            return new Detail(message, code, null, null, null);
        }
    }

    public static HubSpotError of(String category, String message) {
        return new HubSpotError("error", message, UUID.randomUUID().toString(), category, null, null, null, null);
    }

    public HubSpotError withErrors(List<Detail> details) {
        return new HubSpotError(status, message, correlationId, category, subCategory, context, details, links);
    }

    public HubSpotError withContext(Map<String, List<String>> ctx) {
        return new HubSpotError(status, message, correlationId, category, subCategory, ctx, errors, links);
    }

    public HubSpotError withLinks(Map<String, String> l) {
        return new HubSpotError(status, message, correlationId, category, subCategory, context, errors, l);
    }

    public HubSpotError withSubCategory(String sub) {
        return new HubSpotError(status, message, correlationId, category, sub, context, errors, links);
    }

    public Response toResponse(int httpStatus) {
        return Response.status(httpStatus).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }

    // --- the categories the sandbox answers with, as HubSpot names them ---

    public static HubSpotError validation(String message) {
        return of("VALIDATION_ERROR", message);
    }

    public static HubSpotError notFound(String message) {
        return of("OBJECT_NOT_FOUND", message);
    }

    public static HubSpotError conflict(String message) {
        return of("CONFLICT", message);
    }

    public static HubSpotError unauthorized(String message) {
        return of("INVALID_AUTHENTICATION", message);
    }

    public static HubSpotError rateLimited(String message) {
        return of("RATE_LIMITS", message);
    }
}
