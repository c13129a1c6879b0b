package io.crmbridge.sandbox.metrics;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.crmbridge.sandbox.SandboxPaths;

/** Control endpoint: how many HubSpot API calls were served, and a reset (so a test can say "that took N calls"). */
@Path(SandboxPaths.CONTROL + "/counters")
@Produces(MediaType.APPLICATION_JSON)
public class CountersResource {

    private final RequestCounters counters;

    CountersResource(RequestCounters counters) {
        this.counters = counters;
    }

    @GET
    public CountersView get() {
        return CountersView.of(counters.snapshot());
    }

    @DELETE
    public CountersView reset() {
        CountersView before = get();
        counters.reset();
        return before;
    }
}
