package io.crmbridge.sandbox.associations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.objects.BatchResponse;
import io.crmbridge.sandbox.objects.CollectionJson;
import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.SandboxApiException;
import io.crmbridge.sandbox.objects.SandboxClock;

/** Associations v4 of one record: associate by default type or by given types, list, remove. */
@Path("/sandbox/hubspot/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssociationsResource {

    static final int LIST_MAX_LIMIT = 500;

    @Inject
    AssociationStore store;

    @Inject
    SandboxClock clock;

    @PUT
    @Path("default/{toObjectType}/{toObjectId}")
    public BatchResponse<AssociationJson.DefaultAssociation> associateDefault(
            @PathParam("fromObjectType") String fromType, @PathParam("fromObjectId") String fromId,
            @PathParam("toObjectType") String toType, @PathParam("toObjectId") String toId) {
        Instant started = clock.now();
        ObjectType from = ObjectType.resolve(fromType);
        ObjectType to = ObjectType.resolve(toType);
        AssociationDefinition d = defaultType(from, to);
        long fromNumber = AssociationStore.parseId(fromId);
        long toNumber = AssociationStore.parseId(toId);
        store.associate(from, fromNumber, to, toNumber, List.of(d));
        return BatchResponse.complete(List.of(AssociationViews.defaultAssociation(fromNumber, toNumber, d)), started,
                clock.now(), List.of());
    }

    @PUT
    @Path("{toObjectType}/{toObjectId}")
    public Response associateWithTypes(@PathParam("fromObjectType") String fromType,
            @PathParam("fromObjectId") String fromId, @PathParam("toObjectType") String toType,
            @PathParam("toObjectId") String toId, List<AssociationJson.Spec> specs) {
        ObjectType from = ObjectType.resolve(fromType);
        ObjectType to = ObjectType.resolve(toType);
        List<AssociationDefinition> defs = definitions(from, to, specs);
        long fromNumber = AssociationStore.parseId(fromId);
        long toNumber = AssociationStore.parseId(toId);
        Set<Integer> held = store.associate(from, fromNumber, to, toNumber, defs);
        return Response.status(201).entity(AssociationViews.pair(from, fromNumber, to, toNumber, held)).build();
    }

    @GET
    @Path("{toObjectType}")
    public CollectionJson<AssociationJson.AssociatedObject> list(@PathParam("fromObjectType") String fromType,
            @PathParam("fromObjectId") String fromId, @PathParam("toObjectType") String toType,
            @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("500") int limit) {
        ObjectType from = ObjectType.resolve(fromType);
        ObjectType to = ObjectType.resolve(toType);
        if (limit < 1 || limit > LIST_MAX_LIMIT) {
            throw SandboxApiException.badRequest("limit must be between 1 and " + LIST_MAX_LIMIT + ", was " + limit);
        }
        long fromNumber = AssociationStore.parseId(fromId);
        store.requireRecord(from, fromNumber);
        NavigableMap<Long, Set<Integer>> all = store.list(from, fromNumber, to);
        NavigableMap<Long, Set<Integer>> rest = after == null || after.isBlank() ? all
                : all.tailMap(AssociationStore.parseId(after), false);
        NavigableMap<Long, Set<Integer>> page = new java.util.TreeMap<>();
        for (var e : rest.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.put(e.getKey(), e.getValue());
        }
        boolean more = rest.size() > page.size();
        String next = more ? page.lastKey().toString() : null;
        return new CollectionJson<>(null, AssociationViews.associated(page), CollectionJson.next(next, null));
    }

    @DELETE
    @Path("{toObjectType}/{toObjectId}")
    public Response remove(@PathParam("fromObjectType") String fromType, @PathParam("fromObjectId") String fromId,
            @PathParam("toObjectType") String toType, @PathParam("toObjectId") String toId) {
        store.remove(ObjectType.resolve(fromType), AssociationStore.parseId(fromId), ObjectType.resolve(toType),
                AssociationStore.parseId(toId));
        return Response.noContent().build();
    }

    static AssociationDefinition defaultType(ObjectType from, ObjectType to) {
        return AssociationCatalog.defaultFor(from, to).orElseThrow(() -> SandboxApiException.badRequest(
                "No default association is defined from " + from.apiName() + " to " + to.apiName()));
    }

    static List<AssociationDefinition> definitions(ObjectType from, ObjectType to, List<AssociationJson.Spec> specs) {
        if (specs == null || specs.isEmpty()) {
            throw SandboxApiException.badRequest("At least one association type is needed");
        }
        List<AssociationDefinition> defs = new ArrayList<>();
        for (AssociationJson.Spec s : specs) {
            int typeId = s == null || s.associationTypeId() == null ? -1 : s.associationTypeId();
            defs.add(AssociationCatalog.find(from, to, typeId).orElseThrow(() -> SandboxApiException.badRequest(
                    "Association type id " + typeId + " is not defined from " + from.apiName() + " to "
                            + to.apiName())));
        }
        return defs;
    }
}
