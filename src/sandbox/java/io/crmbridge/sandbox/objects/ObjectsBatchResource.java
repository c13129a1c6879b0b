package io.crmbridge.sandbox.objects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * HubSpot CRM v3 batch endpoints (up to 100 inputs, 50 for a read with {@code propertiesWithHistory}). Invalid property values reject the whole batch with 400, as
 * HubSpot does; inputs that fail on their own (unknown id, duplicate email) are reported in {@code errors} with
 * 207 Multi-Status while the others succeed.
 */
@Path("/sandbox/hubspot/crm/v3/objects/{objectType}/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectsBatchResource {

    /** HubSpot reads property histories of at most 50 records a batch (its list pages with history hold 50 too). */
    static final int MAX_INPUTS_WITH_HISTORY = 50;

    @Inject
    ObjectService objects;

    @Inject
    SandboxClock clock;

    @Inject
    RecordStore store;

    @POST
    @Path("read")
    public Response read(@PathParam("objectType") String objectType, BatchInput body,
            @QueryParam("archived") @DefaultValue("false") boolean archived) {
        ObjectType type = ObjectType.resolve(objectType);
        Instant started = clock.now();
        List<ObjectJson> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> names = ObjectViews.names(body == null ? null : body.properties());
        List<String> historyNames = ObjectViews.names(body == null ? null : body.propertiesWithHistory());
        List<ObjectInput> inputs = required(body).checkedInputs();
        if (!historyNames.isEmpty() && inputs.size() > MAX_INPUTS_WITH_HISTORY) {
            throw SandboxApiException.badRequest("The maximum number of inputs supported in a batch request for"
                    + " property histories is " + MAX_INPUTS_WITH_HISTORY);
        }
        for (ObjectInput input : inputs) {
            String id = input == null ? null : input.id();
            Optional<CrmRecord> found = archived ? objects.findArchived(type, id)
                    : objects.find(type, id, body.idProperty());
            found.ifPresentOrElse(r -> results.add(ObjectViews.view(r, names, historyNames, store.history())),
                    () -> missing.add(id));
        }
        List<BatchResponse.BatchError> errors = missing.isEmpty() ? List.of()
                : List.of(BatchResponse.BatchError.of("OBJECT_NOT_FOUND", "Could not get some "
                        + type.singular().toUpperCase(Locale.ROOT) + " objects, they may be deleted or not exist. "
                        + "Check that ids are valid.", Map.of("ids", missing)));
        return BatchResponse.complete(results, started, clock.now(), errors).toResponse(200);
    }

    @POST
    @Path("create")
    public Response create(@PathParam("objectType") String objectType, BatchInput body) {
        ObjectType type = ObjectType.resolve(objectType);
        return writeEach(type, body, 201, input -> ObjectViews.full(objects.create(type, input)),
                input -> input == null ? null : input.objectWriteTraceId());
    }

    @POST
    @Path("update")
    public Response update(@PathParam("objectType") String objectType, BatchInput body) {
        ObjectType type = ObjectType.resolve(objectType);
        return writeEach(type, body, 200, input -> ObjectViews.full(objects.update(type, input.id(), input.idProperty(),
                input.stringProperties())), ObjectInput::id);
    }

    @POST
    @Path("upsert")
    public Response upsert(@PathParam("objectType") String objectType, BatchInput body) {
        ObjectType type = ObjectType.resolve(objectType);
        return writeEach(type, body, 200, input -> {
            RecordStore.Upserted u = objects.upsert(type, input);
            return ObjectViews.full(u.record()).withNew(u.created());
        }, ObjectInput::id);
    }

    /**
     * One write per input: an invalid property anywhere rejects the whole batch (400, nothing written); a failing
     * input (unknown id, duplicate email) becomes an error entry and the answer a 207.
     */
    private Response writeEach(ObjectType type, BatchInput body, int status, Function<ObjectInput, ObjectJson> write,
            Function<ObjectInput, String> errorRef) {
        List<ObjectInput> inputs = required(body).checkedInputs();
        rejectInvalidProperties(type, inputs);
        Instant started = clock.now();
        List<ObjectJson> results = new ArrayList<>();
        List<BatchResponse.BatchError> errors = new ArrayList<>();
        for (ObjectInput input : inputs) {
            try {
                results.add(write.apply(input));
            } catch (SandboxApiException e) {
                errors.add(BatchResponse.BatchError.from(e, errorRef.apply(input)));
            }
        }
        return BatchResponse.complete(results, started, clock.now(), errors).toResponse(status);
    }

    @POST
    @Path("archive")
    public Response archive(@PathParam("objectType") String objectType, BatchInput body) {
        ObjectType type = ObjectType.resolve(objectType);
        for (ObjectInput input : required(body).checkedInputs()) {
            if (input != null) {
                objects.archive(type, input.id(), null);
            }
        }
        return Response.noContent().build();
    }

    private static BatchInput required(BatchInput body) {
        if (body == null) {
            throw SandboxApiException.badRequest("A batch needs a body with 'inputs'");
        }
        return body;
    }

    /** One 400 listing every invalid property value of the batch, before anything is written. */
    private static void rejectInvalidProperties(ObjectType type, List<ObjectInput> inputs) {
        List<PropertyValidator.Problem> problems = new ArrayList<>();
        for (ObjectInput input : inputs) {
            if (input == null) {
                throw SandboxApiException.badRequest("A batch input must not be null");
            }
            problems.addAll(PropertyValidator.problems(type, input.stringProperties()));
        }
        if (!problems.isEmpty()) {
            throw new SandboxApiException(400, PropertyValidator.toError(problems));
        }
    }
}
