package io.crmbridge.sandbox.clio;

import java.time.Duration;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET/PUT/DELETE /sandbox/clio/_sandbox/list-lag} {@code {"lagMillis": 2000}}: how long Clio's index queries
 * lag writes ({@link ClioStore#listed}); DELETE returns to {@code crmbridge.sandbox.clio.list-lag}, as a reset does.
 */
@Path(ClioPaths.CONTROL + "/list-lag")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClioListLagResource {

    private final ClioStore store;
    private final ClioConfig config;

    ClioListLagResource(ClioStore store, ClioConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    public Map<String, Long> lag() {
        return Map.of("lagMillis", store.listLag().toMillis());
    }

    @PUT
    public Map<String, Long> change(Map<String, Long> body) {
        if (body == null || body.get("lagMillis") == null || body.get("lagMillis") < 0) {
            throw ClioApiException.badRequest("a body like {\"lagMillis\": 2000} is required");
        }
        store.listLag(Duration.ofMillis(body.get("lagMillis")));
        return lag();
    }

    @DELETE
    public Map<String, Long> reset() {
        store.listLag(config.listLag());
        return lag();
    }
}
