package io.crmbridge.crm;

import java.util.List;

import io.crmbridge.connection.ConnectionsConfig.FieldType;

/**
 * How one contract field lives in a CRM: the property's API name, its type, the allowed values of an enum, and for a
 * relationship ({@code {id, name}} object) which of the two the bridge reads.
 */
public record FieldSpec(String property, FieldType type, List<String> allowed, String read) {

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
