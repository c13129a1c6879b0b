package io.crmbridge.sandbox.objects;

import java.time.Duration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Control endpoint: how far the search index lags writes ({@code {"lagMillis":2000}}); {@code DELETE} restores the
 * configured lag ({@code crmbridge.sandbox.search.index-lag}). Writes made before a change keep the lag they got.
 */
@Path(SandboxPaths.CONTROL + "/search/index-lag")
@Produces(MediaType.APPLICATION_JSON)
public class SearchIndexControlResource {

    @RegisterForReflection
    public record IndexLag(Long lagMillis) {
    }

    private final RecordStore store;
    private final SearchIndexLag lag;

    SearchIndexControlResource(RecordStore store, SearchIndexLag lag) {
        this.store = store;
        this.lag = lag;
    }

    @GET
    public IndexLag get() {
        return new IndexLag(lag.lag().toMillis());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    public Response change(IndexLag change) {
        if (change == null || change.lagMillis() == null || change.lagMillis() < 0) {
            return HubSpotError.validation("lagMillis (not negative) is required").toResponse(400);
        }
        store.searchIndexLag(Duration.ofMillis(change.lagMillis()));
        return Response.ok(get()).build();
    }

    @DELETE
    public IndexLag reset() {
        store.searchIndexLag(lag.configured());
        return get();
    }
}
