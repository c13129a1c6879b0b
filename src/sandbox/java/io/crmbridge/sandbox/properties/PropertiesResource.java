package io.crmbridge.sandbox.properties;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.objects.BatchResponse;
import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.SandboxApiException;
import io.crmbridge.sandbox.objects.SandboxClock;

/**
 * HubSpot's Properties API v3, the subset the bridge uses: list, read by name, create, batch create. Archived
 * properties, groups, updates and archiving are not served.
 */
@Path("/sandbox/hubspot/crm/v3/properties/{objectType}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PropertiesResource {

    /** {@code CollectionResponsePropertyNoPaging}. */
    public record Properties(List<PropertyJson> results) {
    }

    @Inject
    PropertyService properties;

    @Inject
    SandboxClock clock;

    @GET
    public Properties list(@PathParam("objectType") String objectType) {
        return new Properties(properties.list(ObjectType.resolve(objectType)));
    }

    @GET
    @Path("{propertyName}")
    public PropertyJson get(@PathParam("objectType") String objectType, @PathParam("propertyName") String name) {
        return properties.get(ObjectType.resolve(objectType), name);
    }

    @POST
    public Response create(@PathParam("objectType") String objectType, PropertyCreate input) {
        return Response.status(201).entity(properties.create(ObjectType.resolve(objectType), input)).build();
    }

    /** Each input on its own: the ones that fail (exists, invalid) are listed in {@code errors}, answer 207. */
    @POST
    @Path("batch/create")
    public Response batchCreate(@PathParam("objectType") String objectType, PropertyCreate.Batch batch) {
        ObjectType type = ObjectType.resolve(objectType);
        if (batch == null || batch.inputs() == null) {
            throw SandboxApiException.badRequest("A batch needs a body with 'inputs'");
        }
        properties.requireSchemaWrite(type);
        Instant started = clock.now();
        List<PropertyJson> results = new ArrayList<>();
        List<BatchResponse.BatchError> errors = new ArrayList<>();
        for (PropertyCreate input : batch.inputs()) {
            try {
                results.add(properties.createChecked(type, input));
            } catch (SandboxApiException e) {
                errors.add(BatchResponse.BatchError.from(e, input == null ? null : input.name()));
            }
        }
        return BatchResponse.complete(results, started, clock.now(), errors).toResponse(201);
    }
}
