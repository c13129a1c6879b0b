package io.crmbridge.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * How one contract field lives in a CRM: the property's API name, its type, the allowed values of an enum, for a
 * relationship ({@code {id, name}} object) which of the two the bridge reads, and the bridge's values in the CRM's
 * terms ({@code values}: contract value -> CRM value, e.g. a deal stage {@code WON} -> Clio's {@code closed}).
 * The property {@value #NONE} says the CRM has no place for the field: writes leave it out, reads never see it.
 */
public record FieldSpec(String property, FieldType type, List<String> allowed, String read, Map<String, String> values) {

    /** The property of a contract field the CRM does not keep. */
    public static final String NONE = "-";

    public FieldSpec(String property, FieldType type, List<String> allowed, String read) {
        this(property, type, allowed, read, Map.of());
    }

    /** Whether the CRM keeps the field at all. */
    public boolean kept() {
        return !NONE.equals(property);
    }

    /** A contract value in the CRM's terms. */
    public Object toCrm(Object value) {
        return value != null && values.containsKey(value.toString()) ? values.get(value.toString()) : value;
    }

    /** A CRM value in the bridge's terms: the first contract value mapped to it, else the value as it is. */
    public Object fromCrm(Object value) {
        if (value == null || values.isEmpty()) {
            return value;
        }
        return values.entrySet().stream().filter(e -> e.getValue().equals(value.toString())).map(Map.Entry::getKey)
                .findFirst().orElse(value.toString());
    }

    /** The same spec with a value map, in its order (the first contract value of a CRM value is the one read back). */
    public FieldSpec withValues(Map<String, String> values) {
        return new FieldSpec(property, type, allowed, read, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** A contract field the CRM does not keep. */
    public static FieldSpec none() {
        return new FieldSpec(NONE, FieldType.STRING, List.of(), "id");
    }

    public static FieldSpec string(String property) {
        return new FieldSpec(property, FieldType.STRING, List.of(), "id");
    }

    public static FieldSpec number(String property) {
        return new FieldSpec(property, FieldType.NUMBER, List.of(), "id");
    }

    public static FieldSpec date(String property) {
        return new FieldSpec(property, FieldType.DATE, List.of(), "id");
    }

    public static FieldSpec enumeration(String property, List<String> allowed) {
        return new FieldSpec(property, FieldType.ENUM, List.copyOf(allowed), "id");
    }
}
