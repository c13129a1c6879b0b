package io.crmbridge.sandbox.properties;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Properties API's account settings ({@code GET/PUT _sandbox/properties/settings}); a {@code PUT} changes the
 * fields it gives. {@code schemaWriteScope=false} simulates a token without {@code crm.schemas.*.write};
 * {@code uniqueValueObjectTypes} are the types that accept {@code hasUniqueValue} properties.
 */
@RegisterForReflection
public record PropertySettings(Boolean schemaWriteScope, List<String> uniqueValueObjectTypes,
        Integer maxUniquePerType) {
}
