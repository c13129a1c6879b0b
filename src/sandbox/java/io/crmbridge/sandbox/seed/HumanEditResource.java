package io.crmbridge.sandbox.seed;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.objects.ObjectViews;

/** {@code POST /sandbox/hubspot/_sandbox/human-edit/random}: one simulated human edit of a random record, now. */
@Path("/sandbox/hubspot/_sandbox/human-edit/random")
@Produces(MediaType.APPLICATION_JSON)
public class HumanEditResource {

    @Inject
    HumanEditSimulator simulator;

    @POST
    public Response editRandom() {
        return simulator.editRandom().map(r -> Response.ok(ObjectViews.full(r)).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
