package io.crmbridge.sandbox.objects;

import java.util.List;

/**
 * One property an object type knows. {@code managed} properties are kept by the sandbox itself (ids, timestamps):
 * a client may name them in a write, but the sandbox ignores the value, as HubSpot does for read-only properties.
 */
public record PropertyDefinition(String name, PropertyType type, List<String> options, boolean managed) {

    public static PropertyDefinition string(String name) {
        return new PropertyDefinition(name, PropertyType.STRING, List.of(), false);
    }

    public static PropertyDefinition number(String name) {
        return new PropertyDefinition(name, PropertyType.NUMBER, List.of(), false);
    }

    public static PropertyDefinition datetime(String name) {
        return new PropertyDefinition(name, PropertyType.DATETIME, List.of(), false);
    }

    public static PropertyDefinition bool(String name) {
        return new PropertyDefinition(name, PropertyType.BOOL, List.of(), false);
    }

    public static PropertyDefinition enumeration(String name, String... options) {
        return new PropertyDefinition(name, PropertyType.ENUMERATION, List.of(options), false);
    }

    public static PropertyDefinition managed(String name, PropertyType type) {
        return new PropertyDefinition(name, type, List.of(), true);
    }
}
