package io.crmbridge.sandbox.objects;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.associations.AssociationStore;
import io.crmbridge.sandbox.history.HumanUsers;
import io.crmbridge.sandbox.history.WriteSource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Sandbox controls for the record store (not HubSpot API, no token): the CRM clock offset, inserting records past
 * the uniqueness rules, HubSpot-style bulk touches, human edits, and a reset.
 */
@Path("/sandbox/hubspot/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SandboxObjectsControlResource {

    @RegisterForReflection
    public record ClockState(long offsetSeconds, String now) {
    }

    @RegisterForReflection
    public record ClockChange(Long offsetSeconds) {
    }

    /** A record to insert as is; {@code createdAt}/{@code updatedAt} (ISO-8601) default to now. */
    @RegisterForReflection
    public record Insert(Map<String, Object> properties, String createdAt, String updatedAt) {
    }

    @RegisterForReflection
    public record BulkTouch(String objectType, Integer count, String timestamp) {
    }

    @RegisterForReflection
    public record BulkTouched(String objectType, int touched, String timestamp) {
    }

    @RegisterForReflection
    public record HumanEdit(String objectType, String id, Map<String, Object> properties, Integer userId) {
    }

    @Inject
    SandboxClock clock;

    @Inject
    RecordStore store;

    @Inject
    ObjectService objects;

    @Inject
    AssociationStore associations;

    @Inject
    HumanUsers users;

    @Inject
    MergedIds merged;

    @GET
    @Path("clock")
    public ClockState clock() {
        return new ClockState(clock.offset().toSeconds(), Timestamps.format(clock.now()));
    }

    @PUT
    @Path("clock")
    public ClockState setClock(ClockChange change) {
        if (change == null || change.offsetSeconds() == null) {
            throw SandboxApiException.badRequest("Body needs offsetSeconds");
        }
        clock.setOffset(Duration.ofSeconds(change.offsetSeconds()));
        return clock();
    }

    @POST
    @Path("objects/{objectType}")
    public Response insert(@PathParam("objectType") String objectType, Insert insert) {
        ObjectType type = ObjectType.resolve(objectType);
        ObjectInput input = new ObjectInput(null, null, insert == null ? null : insert.properties(), null, null);
        Map<String, String> props = PropertyValidator.checked(type, input.stringProperties());
        Instant now = clock.now();
        Instant created = instant(insert == null ? null : insert.createdAt(), now);
        Instant updated = instant(insert == null ? null : insert.updatedAt(), created.isAfter(now) ? created : now);
        CrmRecord r = store.insertAll(type, List.of(new RecordStore.NewRecord(props, created, updated))).get(0);
        return Response.status(201).entity(ObjectViews.full(r)).build();
    }

    @DELETE
    @Path("objects")
    public Response reset() {
        store.reset();
        associations.reset();
        merged.reset();
        return Response.noContent().build();
    }

    @POST
    @Path("bulk-touch")
    public BulkTouched bulkTouch(BulkTouch touch) {
        if (touch == null || touch.count() == null || touch.count() < 0) {
            throw SandboxApiException.badRequest("Body needs objectType and a count >= 0");
        }
        ObjectType type = ObjectType.resolve(touch.objectType());
        Instant at = instant(touch.timestamp(), clock.now());
        int touched = store.touch(type, touch.count(), at);
        return new BulkTouched(type.apiName(), touched, Timestamps.format(at));
    }

    @POST
    @Path("human-edit")
    public ObjectJson humanEdit(HumanEdit edit) {
        if (edit == null || edit.id() == null || edit.properties() == null) {
            throw SandboxApiException.badRequest("Body needs objectType, id and properties");
        }
        ObjectType type = ObjectType.resolve(edit.objectType());
        ObjectInput input = new ObjectInput(edit.id(), null, edit.properties(), null, null);
        return ObjectViews.full(WriteSource.run(users.source(edit.userId()),
                () -> objects.update(type, edit.id(), null, input.stringProperties())));
    }

    private static Instant instant(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Long millis = Timestamps.parseMillis(value);
        if (millis == null) {
            throw SandboxApiException.badRequest("Not a timestamp (epoch millis or ISO-8601): " + value);
        }
        return Instant.ofEpochMilli(millis);
    }
}
