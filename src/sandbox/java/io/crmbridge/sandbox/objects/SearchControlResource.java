package io.crmbridge.sandbox.objects;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET/PUT/DELETE /sandbox/hubspot/_sandbox/search/tie-order} {@code {"order":"random"|"id","seed":42}}: how
 * search orders results sharing their sort value; DELETE returns to the configured order.
 */
@Path("/sandbox/hubspot/_sandbox/search/tie-order")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchControlResource {

    @RegisterForReflection
    public record TieOrderJson(String order, Long seed) {
    }

    @Inject
    TieOrder ties;

    @GET
    public TieOrderJson get() {
        TieOrder.Setting s = ties.setting();
        return new TieOrderJson(s.mode().name().toLowerCase(Locale.ROOT), s.seed());
    }

    @PUT
    public TieOrderJson set(TieOrderJson change) {
        if (change == null || change.order() == null) {
            throw SandboxApiException.badRequest("Body needs order: random or id");
        }
        TieOrder.Mode mode;
        try {
            mode = TieOrder.Mode.valueOf(change.order().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SandboxApiException.badRequest("order must be random or id, was " + change.order());
        }
        ties.set(new TieOrder.Setting(mode, change.seed() == null ? ties.setting().seed() : change.seed()));
        return get();
    }

    @DELETE
    public TieOrderJson reset() {
        ties.reset();
        return get();
    }
}
