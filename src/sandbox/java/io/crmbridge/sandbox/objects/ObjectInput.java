package io.crmbridge.sandbox.objects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A create or update body ({@code SimplePublicObjectInputForCreate} / {@code SimplePublicObjectInput}), also one
 * batch input: {@code id}/{@code idProperty} for batch update and upsert, {@code associations} for create.
 * Property values may arrive as JSON strings, numbers or booleans; they are stored as strings.
 */
@RegisterForReflection
public record ObjectInput(String id, String idProperty, Map<String, Object> properties,
        List<AssociationInput> associations, String objectWriteTraceId) {

    /** {@code PublicAssociationsForObject}: the target and the association types. */
    @RegisterForReflection
    public record AssociationInput(IdInput to, List<AssociationSpec> types) {
    }

    @RegisterForReflection
    public record AssociationSpec(String associationCategory, Integer associationTypeId) {
    }

    @RegisterForReflection
    public record IdInput(String id) {
    }

    public Map<String, String> stringProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        }
        return out;
    }
}
