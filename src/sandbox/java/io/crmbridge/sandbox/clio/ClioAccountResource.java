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
 * The account's own ways beside the published contract. {@code GET/PUT/DELETE /sandbox/clio/_sandbox/list-lag} {@code {"lagMillis": 2000}}: how long Clio's index queries
 * lag writes ({@link ClioStore#listed}); DELETE returns to {@code crmbridge.sandbox.clio.list-lag}, as a reset does.
 */
@Path(ClioPaths.CONTROL)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClioAccountResource {

    private final ClioStore store;
    private final ClioConfig config;

    ClioAccountResource(ClioStore store, ClioConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("list-lag")
    public Map<String, Long> lag() {
        return Map.of("lagMillis", store.listLag().toMillis());
    }

    @PUT
    @Path("list-lag")
    public Map<String, Long> change(Map<String, Long> body) {
        if (body == null || body.get("lagMillis") == null || body.get("lagMillis") < 0) {
            throw ClioApiException.badRequest("a body like {\"lagMillis\": 2000} is required");
        }
        store.listLag(Duration.ofMillis(body.get("lagMillis")));
        return lag();
    }

    /**
     * {@code PUT /sandbox/clio/_sandbox/account} {@code {"refusedOrders": ["id(asc)"], "missingFields":
     * ["contacts.title"]}}: an account that refuses those orders and lacks those fields in its index queries (400, as
     * Clio answers an order or field it does not know); a reset clears it.
     */
    @PUT
    @Path("account")
    public Map<String, Object> account(Map<String, java.util.List<String>> body) {
        store.account(body == null ? java.util.List.of() : body.getOrDefault("refusedOrders", java.util.List.of()),
                body == null ? java.util.List.of() : body.getOrDefault("missingFields", java.util.List.of()));
        return Map.of("refusedOrders", store.refusedOrders(), "missingFields", store.missingFields());
    }

    @DELETE
    @Path("list-lag")
    public Map<String, Long> reset() {
        store.listLag(config.listLag());
        return lag();
    }
}
