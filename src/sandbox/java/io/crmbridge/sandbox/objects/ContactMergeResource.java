package io.crmbridge.sandbox.objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /crm/v3/objects/contacts/merge} ({@code PublicMergeInput}), answering the merged primary. */
@Path("/sandbox/hubspot/crm/v3/objects/contacts/merge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactMergeResource {

    @RegisterForReflection
    public record MergeInput(String primaryObjectId, String objectIdToMerge) {
    }

    @Inject
    ContactMerge merge;

    @POST
    public ObjectJson merge(MergeInput input) {
        if (input == null) {
            throw SandboxApiException.badRequest("A merge needs primaryObjectId and objectIdToMerge");
        }
        return ObjectViews.full(merge.merge(input.primaryObjectId(), input.objectIdToMerge()));
    }
}
