package io.crmbridge.sandbox.properties;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * HubSpot's {@code PropertyCreate}: the fields the sandbox keeps. Other fields of the published schema (display
 * hints, sensitivity, calculation formula, ...) are accepted and ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record PropertyCreate(String name, String label, String type, String fieldType, String groupName,
        String description, List<Option> options, Boolean hasUniqueValue, Boolean hidden, Boolean formField,
        Integer displayOrder) {

    /** {@code OptionInput}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String label, String value, String description, Integer displayOrder, Boolean hidden) {
    }

    /** {@code BatchInputPropertyCreate}. */
    @RegisterForReflection
    public record Batch(List<PropertyCreate> inputs) {
    }
}
