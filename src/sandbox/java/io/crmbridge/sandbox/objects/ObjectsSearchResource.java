package io.crmbridge.sandbox.objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /crm/v3/objects/{objectType}/search}: filter groups, sorts, offset paging, HubSpot's 10,000 cap. */
@Path("/sandbox/hubspot/crm/v3/objects/{objectType}/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectsSearchResource {

    @Inject
    SearchEngine engine;

    @POST
    public CollectionJson<ObjectJson> search(@PathParam("objectType") String objectType, SearchRequest request) {
        ObjectType type = ObjectType.resolve(objectType);
        SearchQuery query = SearchQueryParser.parse(type, request);
        SearchResult result = engine.search(type, query);
        var names = ObjectViews.names(request == null ? null : request.properties());
        return new CollectionJson<>(result.total(), result.results().stream().map(r -> ObjectViews.view(r, names)).toList(),
                CollectionJson.next(result.nextAfter() == null ? null : result.nextAfter().toString(), null));
    }
}
