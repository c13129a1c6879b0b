package io.crmbridge.sandbox.faults;

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

/** Control endpoint: set ({@code PUT}), read ({@code GET}) and remove ({@code DELETE}) the fault rules. */
@Path(SandboxPaths.CONTROL + "/faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultControlResource {

    private final FaultInjector injector;

    FaultControlResource(FaultInjector injector) {
        this.injector = injector;
    }

    @GET
    public FaultSettings get() {
        return injector.settings();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    public Response replace(FaultSettings settings) {
        if (settings == null) {
            return HubSpotError.validation("a JSON body is required").toResponse(400);
        }
        try {
            return Response.ok(injector.replace(settings)).build();
        } catch (IllegalArgumentException e) {
            return HubSpotError.validation(e.getMessage()).toResponse(400);
        }
    }

    @DELETE
    public FaultSettings clear() {
        injector.clear();
        return injector.settings();
    }
}
