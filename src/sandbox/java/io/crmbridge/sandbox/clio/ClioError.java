package io.crmbridge.sandbox.clio;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Clio's error body, {@code {"error": {"type": "...", "message": "..."}}}, and the answers the sandbox builds from it. */
public final class ClioError {

    private ClioError() {
    }

    public static Map<String, Object> body(String type, String message) {
        return Map.of("error", Map.of("type", type, "message", message));
    }

    public static Response response(int status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(type, message)).build();
    }

    /** The type Clio names for a status. */
    public static String typeOf(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 412 -> "PreconditionFailed";
            case 422 -> "UnprocessableEntity";
            case 429 -> "RateLimited";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> status >= 500 ? "InternalServerError" : "Error";
        };
    }

    public static Response response(int status, String message) {
        return response(status, typeOf(status), message);
    }
}
