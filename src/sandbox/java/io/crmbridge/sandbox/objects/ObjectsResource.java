package io.crmbridge.sandbox.objects;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * HubSpot CRM v3 objects, basic endpoints: create, read (by id or {@code idProperty}), update, archive, list.
 * {@code objectType} is a name ({@code contacts}) or a type id ({@code 0-3} for deals).
 */
@Path("/sandbox/hubspot/crm/v3/objects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectsResource {

    static final int LIST_MAX_LIMIT = 100;
    /** A list page that asks for history holds fewer records (HubSpot: history "will reduce the maximum number"). */
    static final int LIST_MAX_WITH_HISTORY = 50;

    @Inject
    ObjectService objects;

    @Inject
    RecordStore store;

    @POST
    @Path("{objectType}")
    public Response create(@PathParam("objectType") String objectType, ObjectInput input) {
        CrmRecord created = objects.create(ObjectType.resolve(objectType), input);
        return Response.status(201).entity(ObjectViews.full(created)).build();
    }

    @GET
    @Path("{objectType}")
    public CollectionJson<ObjectJson> list(@PathParam("objectType") String objectType,
            @QueryParam("limit") @DefaultValue("10") int limit, @QueryParam("after") String after,
            @QueryParam("properties") List<String> properties,
            @QueryParam("propertiesWithHistory") List<String> propertiesWithHistory,
            @QueryParam("archived") @DefaultValue("false") boolean archived) {
        ObjectType type = ObjectType.resolve(objectType);
        if (limit < 1 || limit > LIST_MAX_LIMIT) {
            throw SandboxApiException.badRequest("limit must be between 1 and " + LIST_MAX_LIMIT + ", was " + limit);
        }
        List<String> historyNames = ObjectViews.names(propertiesWithHistory);
        if (!historyNames.isEmpty()) {
            limit = Math.min(limit, LIST_MAX_WITH_HISTORY);
        }
        long afterId = after == null || after.isBlank() ? 0
                : ObjectService.parseId(after).orElseThrow(() -> SandboxApiException.badRequest(
                        "Invalid paging cursor 'after': " + after));
        List<CrmRecord> page = store.list(type, afterId, limit + 1, archived);
        boolean more = page.size() > limit;
        List<CrmRecord> shown = more ? page.subList(0, limit) : page;
        List<String> names = ObjectViews.names(properties);
        String next = more ? shown.get(shown.size() - 1).idString() : null;
        return new CollectionJson<>(null,
                shown.stream().map(r -> ObjectViews.view(r, names, historyNames, store.history())).toList(),
                CollectionJson.next(next, next == null ? null
                        : "/sandbox/hubspot/crm/v3/objects/" + objectType + "?after=" + next + "&limit=" + limit));
    }

    @GET
    @Path("{objectType}/{id}")
    public ObjectJson read(@PathParam("objectType") String objectType, @PathParam("id") String id,
            @QueryParam("idProperty") String idProperty, @QueryParam("properties") List<String> properties,
            @QueryParam("propertiesWithHistory") List<String> propertiesWithHistory,
            @QueryParam("archived") @DefaultValue("false") boolean archived) {
        CrmRecord r = objects.read(ObjectType.resolve(objectType), id, idProperty, archived);
        return ObjectViews.view(r, ObjectViews.names(properties), ObjectViews.names(propertiesWithHistory),
                store.history());
    }

    @PATCH
    @Path("{objectType}/{id}")
    public ObjectJson update(@PathParam("objectType") String objectType, @PathParam("id") String id,
            @QueryParam("idProperty") String idProperty, ObjectInput input) {
        ObjectType type = ObjectType.resolve(objectType);
        if (input == null || input.properties() == null) {
            throw SandboxApiException.badRequest("An update needs 'properties'");
        }
        return ObjectViews.full(objects.update(type, id, idProperty, input.stringProperties()));
    }

    @DELETE
    @Path("{objectType}/{id}")
    public Response archive(@PathParam("objectType") String objectType, @PathParam("id") String id) {
        objects.archive(ObjectType.resolve(objectType), id, null);
        return Response.noContent().build();
    }
}
