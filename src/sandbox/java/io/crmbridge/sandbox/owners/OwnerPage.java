package io.crmbridge.sandbox.owners;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** HubSpot's {@code CollectionResponsePublicOwnerForwardPaging}: one page of owners and the cursor to the next. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerPage(List<Owner> results, Paging paging) {

    @RegisterForReflection
    public record Paging(Next next) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Next(String after, String link) {
    }
}
