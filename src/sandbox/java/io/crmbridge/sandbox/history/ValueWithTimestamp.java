package io.crmbridge.sandbox.history;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One version of a property as HubSpot returns it under {@code propertiesWithHistory}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueWithTimestamp(String value, String timestamp, String sourceType, String sourceId,
        Integer updatedByUserId) {
}
