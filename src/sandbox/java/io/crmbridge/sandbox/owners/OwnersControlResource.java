package io.crmbridge.sandbox.owners;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxPaths;

/** Control endpoints: list every owner, add an owner, archive (deactivate) one, reset to the seed owners. */
@Path(SandboxPaths.CONTROL + "/owners")
@Produces(MediaType.APPLICATION_JSON)
public class OwnersControlResource {

    private final OwnerStore store;

    OwnersControlResource(OwnerStore store) {
        this.store = store;
    }

    @GET
    public List<Owner> all() {
        return store.all();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    public Response add(NewOwner owner) {
        if (owner == null || owner.email() == null || !owner.email().contains("@")) {
            return HubSpotError.validation("email is required").toResponse(400);
        }
        if (store.hasActiveEmail(owner.email())) {
            return HubSpotError.conflict("an active owner already has email " + owner.email()).toResponse(409);
        }
        return Response.status(201).entity(store.add(owner)).build();
    }

    @POST
    @Path("/{ownerId}/archive")
    public Response archive(@PathParam("ownerId") long ownerId) {
        return store.archive(ownerId)
                .map(o -> Response.ok(o).build())
                .orElseGet(() -> HubSpotError.notFound("Owner " + ownerId + " not found").toResponse(404));
    }

    @POST
    @Path("/reset")
    public List<Owner> reset() {
        store.reset();
        return store.all();
    }
}
