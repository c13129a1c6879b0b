package io.crmbridge.sandbox.objects;

import java.time.Instant;
import java.util.List;

/**
 * One property an object type knows. {@code managed} properties are kept by the sandbox itself (ids, timestamps):
 * a client may name them in a write, but the sandbox ignores the value, as HubSpot does for read-only properties.
 * {@code custom} is null for the built-in properties and holds what a Properties API create gave for the others;
 * {@code unique} properties ({@code hasUniqueValue}) hold a value at most once per object type.
 */
public record PropertyDefinition(String name, PropertyType type, List<String> options, boolean managed, boolean unique,
        Custom custom) {

    /** What a custom property was created with, as HubSpot's {@code PropertyCreate} names it. */
    public record Custom(String label, String hubspotType, String fieldType, String groupName, String description,
            Instant createdAt) {
    }

    public static PropertyDefinition string(String name) {
        return new PropertyDefinition(name, PropertyType.STRING, List.of(), false, false, null);
    }

    public static PropertyDefinition number(String name) {
        return new PropertyDefinition(name, PropertyType.NUMBER, List.of(), false, false, null);
    }

    public static PropertyDefinition datetime(String name) {
        return new PropertyDefinition(name, PropertyType.DATETIME, List.of(), false, false, null);
    }

    public static PropertyDefinition bool(String name) {
        return new PropertyDefinition(name, PropertyType.BOOL, List.of(), false, false, null);
    }

    public static PropertyDefinition enumeration(String name, String... options) {
        return new PropertyDefinition(name, PropertyType.ENUMERATION, List.of(options), false, false, null);
    }

    public static PropertyDefinition managed(String name, PropertyType type) {
        return new PropertyDefinition(name, type, List.of(), true, false, null);
    }

    public static PropertyDefinition custom(String name, PropertyType type, List<String> options, boolean unique,
            Custom custom) {
        return new PropertyDefinition(name, type, List.copyOf(options), false, unique, custom);
    }

    public boolean isCustom() {
        return custom != null;
    }
}
