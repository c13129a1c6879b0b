package io.crmbridge.sandbox.objects;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.crmbridge.sandbox.history.ValueWithTimestamp;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A record as HubSpot returns it ({@code SimplePublicObject}; with {@code new} set, {@code SimplePublicUpsertObject}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectJson(String id, Map<String, String> properties, String createdAt, String updatedAt,
        boolean archived, String archivedAt, @JsonProperty("new") Boolean created,
        Map<String, List<ValueWithTimestamp>> propertiesWithHistory) {

    public ObjectJson withNew(boolean isNew) {
        return new ObjectJson(id, properties, createdAt, updatedAt, archived, archivedAt, isNew, propertiesWithHistory);
    }

    public ObjectJson withHistory(Map<String, List<ValueWithTimestamp>> history) {
        return new ObjectJson(id, properties, createdAt, updatedAt, archived, archivedAt, created, history);
    }
}
