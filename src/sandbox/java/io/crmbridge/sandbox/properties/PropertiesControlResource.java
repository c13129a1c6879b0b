package io.crmbridge.sandbox.properties;

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

/**
 * Control endpoint: the Properties API's account settings ({@code GET/PUT .../properties/settings}: the schema write
 * scope, the object types that accept unique value properties) and {@code DELETE .../properties}, which forgets every
 * custom property and restores the configured settings.
 */
@Path(SandboxPaths.CONTROL + "/properties")
@Produces(MediaType.APPLICATION_JSON)
public class PropertiesControlResource {

    private final PropertyService properties;

    PropertiesControlResource(PropertyService properties) {
        this.properties = properties;
    }

    @GET
    @Path("settings")
    public PropertySettings get() {
        return properties.settings();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("settings")
    public Response change(PropertySettings change) {
        if (change == null) {
            return HubSpotError.validation("a JSON body is required").toResponse(400);
        }
        try {
            return Response.ok(properties.change(change)).build();
        } catch (IllegalArgumentException e) {
            return HubSpotError.validation(e.getMessage()).toResponse(400);
        }
    }

    @DELETE
    public PropertySettings reset() {
        return properties.reset();
    }
}
