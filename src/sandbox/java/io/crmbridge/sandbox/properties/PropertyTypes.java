package io.crmbridge.sandbox.properties;

import java.util.Optional;
import java.util.Set;

import io.crmbridge.sandbox.objects.PropertyType;

/** HubSpot's property {@code type} and {@code fieldType} names against the types the sandbox validates by. */
final class PropertyTypes {

    /** {@code PropertyCreate.fieldType}'s values in the published spec. */
    static final Set<String> FIELD_TYPES = Set.of("booleancheckbox", "calculation_equation", "checkbox", "date", "file",
            "html", "number", "phonenumber", "radio", "select", "text", "textarea");

    private PropertyTypes() {
    }

    /** {@code PropertyCreate.type} ({@code bool, date, datetime, enumeration, number, phone_number, string}). */
    static Optional<PropertyType> parse(String hubspotType) {
        if (hubspotType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (hubspotType) {
            case "string", "phone_number" -> PropertyType.STRING;
            case "number" -> PropertyType.NUMBER;
            case "date", "datetime" -> PropertyType.DATETIME;
            case "enumeration" -> PropertyType.ENUMERATION;
            case "bool" -> PropertyType.BOOL;
            default -> null;
        });
    }

    static String hubspotType(PropertyType type) {
        return switch (type) {
            case STRING -> "string";
            case NUMBER -> "number";
            case DATETIME -> "datetime";
            case ENUMERATION -> "enumeration";
            case BOOL -> "bool";
        };
    }

    static String fieldType(PropertyType type) {
        return switch (type) {
            case STRING -> "text";
            case NUMBER -> "number";
            case DATETIME -> "date";
            case ENUMERATION -> "select";
            case BOOL -> "booleancheckbox";
        };
    }
}
