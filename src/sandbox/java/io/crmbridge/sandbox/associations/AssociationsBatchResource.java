package io.crmbridge.sandbox.associations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
 * Associations v4 batch endpoints between two object types: create with types, associate by default type, read.
 * An input naming a record that does not exist is reported in {@code errors}; the others are applied.
 */
@Path("/sandbox/hubspot/crm/v4/associations/{fromObjectType}/{toObjectType}/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssociationsBatchResource {

    static final int MAX_INPUTS = 1000;

    @Inject
    AssociationStore store;

    @Inject
    SandboxClock clock;

    @POST
    @Path("create")
    public Response create(@PathParam("fromObjectType") String fromType, @PathParam("toObjectType") String toType,
            AssociationJson.BatchBody body) {
        ObjectType from = ObjectType.resolve(fromType);
        ObjectType to = ObjectType.resolve(toType);
        return associateEach(body, item -> {
            long fromId = id(item.from());
            long toId = id(item.to());
            Set<Integer> held = store.associate(from, fromId, to, toId,
                    AssociationsResource.definitions(from, to, item.types()));
            return AssociationViews.pair(from, fromId, to, toId, held);
        }).toResponse(201);
    }

    @POST
    @Path("associate/default")
    public BatchResponse<AssociationJson.DefaultAssociation> associateDefault(
            @PathParam("fromObjectType") String fromType, @PathParam("toObjectType") String toType,
            AssociationJson.BatchBody body) {
        ObjectType from = ObjectType.resolve(fromType);
        ObjectType to = ObjectType.resolve(toType);
        AssociationDefinition d = AssociationsResource.defaultType(from, to);
        return associateEach(body, item -> {
            long fromId = id(item.from());
            long toId = id(item.to());
            store.associate(from, fromId, to, toId, List.of(d));
            return AssociationViews.defaultAssociation(fromId, toId, d);
        });
    }

    /** One association write per input; an unknown record becomes an error entry (207) rather than failing the batch. */
    private <R> BatchResponse<R> associateEach(AssociationJson.BatchBody body, Function<AssociationJson.BatchItem, R> write) {
        Instant started = clock.now();
        List<R> results = new ArrayList<>();
        List<BatchResponse.BatchError> errors = new ArrayList<>();
        for (AssociationJson.BatchItem item : inputs(body)) {
            try {
                results.add(write.apply(item));
            } catch (SandboxApiException e) {
                errors.add(notFound(e, item));
            }
        }
        return BatchResponse.complete(results, started, clock.now(), errors);
    }

    @POST
    @Path("read")
    public Response read(@PathParam("fromObjectType") String fromType, @PathParam("toObjectType") String toType,
            AssociationJson.BatchBody body) {
        ObjectType from = ObjectType.resolve(fromType);
        ObjectType to = ObjectType.resolve(toType);
        Instant started = clock.now();
        List<AssociationJson.MultiWithLabel> results = new ArrayList<>();
        List<BatchResponse.BatchError> errors = new ArrayList<>();
        for (AssociationJson.BatchItem item : inputs(body)) {
            long fromId = AssociationStore.parseId(item.id());
            NavigableMap<Long, Set<Integer>> linked = store.list(from, fromId, to);
            if (linked.isEmpty()) {
                errors.add(new BatchResponse.BatchError("error", "OBJECT_NOT_FOUND", null,
                        "No " + to.singular() + " is associated with " + from.singular() + " " + item.id() + ".",
                        Map.of("fromObjectId", List.of(String.valueOf(item.id()))), List.of(), Map.of()));
                continue;
            }
            results.add(new AssociationJson.MultiWithLabel(new AssociationJson.ObjectId(Long.toString(fromId)),
                    AssociationViews.associated(linked)));
        }
        return BatchResponse.complete(results, started, clock.now(), errors).toResponse(200);
    }

    private static List<AssociationJson.BatchItem> inputs(AssociationJson.BatchBody body) {
        if (body == null || body.inputs() == null) {
            throw SandboxApiException.badRequest("A batch needs 'inputs'");
        }
        if (body.inputs().size() > MAX_INPUTS) {
            throw SandboxApiException.badRequest("Too many inputs: " + body.inputs().size() + " given, at most "
                    + MAX_INPUTS + " are allowed per batch");
        }
        for (AssociationJson.BatchItem item : body.inputs()) {
            if (item == null) {
                throw SandboxApiException.badRequest("A batch input must not be null");
            }
        }
        return body.inputs();
    }

    private static long id(AssociationJson.ObjectId ref) {
        return AssociationStore.parseId(ref == null ? null : ref.id());
    }

    private static BatchResponse.BatchError notFound(SandboxApiException e, AssociationJson.BatchItem item) {
        return new BatchResponse.BatchError("error", e.error().category(), null, e.error().message(),
                Map.of("fromObjectId", List.of(item.from() == null ? "" : String.valueOf(item.from().id())),
                        "toObjectId", List.of(item.to() == null ? "" : String.valueOf(item.to().id()))),
                List.of(), Map.of());
    }
}
