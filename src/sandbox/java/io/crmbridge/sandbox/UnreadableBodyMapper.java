package io.crmbridge.sandbox;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A request body that is not JSON, or JSON of the wrong shape: HubSpot answers its 400 {@code Error} body (category,
 * correlationId, message), so the sandbox does too; elsewhere (the admin API) a plain JSON reason. Without this,
 * Quarkus answers with its own body, which no HubSpot client expects.
 */
public class UnreadableBodyMapper {

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return answer(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return answer(e, uri);
    }

    /** Quarkus REST reports a body that does not parse at all as a bare 400; on the sandbox it gets HubSpot's body. */
    @ServerExceptionMapper
    public Response badRequest(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getStatus() == 400 && !e.getResponse().hasEntity()
                && uri.getPath().startsWith(SandboxPaths.HUBSPOT)) {
            return HubSpotError.validation("Invalid input JSON: the request body could not be read").toResponse(400);
        }
        return e.getResponse();
    }

    private static Response answer(JsonProcessingException e, UriInfo uri) {
        String reason = "Invalid input JSON: " + e.getOriginalMessage();
        if (uri.getPath().startsWith(SandboxPaths.HUBSPOT)) {
            return HubSpotError.validation(reason)
                    .withContext(Map.of("location", List.of(e.getLocation() == null ? "body" : e.getLocation().toString())))
                    .toResponse(400);
        }
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_json", "reason", reason)).build();
    }
}
