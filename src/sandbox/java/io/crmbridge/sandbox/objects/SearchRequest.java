package io.crmbridge.sandbox.objects;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /crm/v3/objects/{type}/search} ({@code PublicObjectSearchRequest}). {@code sorts} holds
 * either strings ({@code "hs_lastmodifieddate"}, {@code "-createdate"}) as the published schema says, or objects
 * ({@code {"propertyName": ..., "direction": "ASCENDING"}}) as HubSpot's live API takes them.
 */
@RegisterForReflection
public record SearchRequest(List<FilterGroup> filterGroups, List<JsonNode> sorts, String after, Integer limit,
        List<String> properties, String query) {

    @RegisterForReflection
    public record FilterGroup(List<Filter> filters) {
    }

    @RegisterForReflection
    public record Filter(String propertyName, String operator, String value, String highValue, List<String> values) {
    }
}
