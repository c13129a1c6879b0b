package io.crmbridge.sandbox.objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.crmbridge.sandbox.history.HumanUsers;
import io.crmbridge.sandbox.history.WriteSource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code POST /sandbox/hubspot/_sandbox/merge} {@code {"primaryObjectId","objectIdToMerge","userId"}}: a person merges
 * two contacts in the CRM (history source {@code CRM_UI}; {@code userId} defaults to the first active owner's).
 */
@Path("/sandbox/hubspot/_sandbox/merge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MergeControlResource {

    @RegisterForReflection
    public record PersonMerge(String objectType, String primaryObjectId, String objectIdToMerge, Integer userId) {
    }

    @Inject
    ContactMerge merge;

    @Inject
    HumanUsers users;

    @POST
    public ObjectJson merge(PersonMerge request) {
        if (request == null) {
            throw SandboxApiException.badRequest("Body needs primaryObjectId and objectIdToMerge");
        }
        if (request.objectType() != null && ObjectType.resolve(request.objectType()) != ObjectType.CONTACTS) {
            throw SandboxApiException.badRequest("Only contacts can be merged here, not " + request.objectType());
        }
        return ObjectViews.full(WriteSource.run(users.source(request.userId()),
                () -> merge.merge(request.primaryObjectId(), request.objectIdToMerge())));
    }
}
