package io.crmbridge.probe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmbridge.crm.FieldSpec;
import io.crmbridge.probe.ProbeReport.Finding;
import io.crmbridge.probe.ProbeReport.Kind;

/**
 * Compares one live record's properties with a field map: every mapped field (present, of its declared type, an
 * allowed enum value, a relationship's {@code id} / {@code name}), then every property the map does not name.
 */
public final class FieldComparison {

    private static final int EXCERPT = 60;

    private final boolean typedValues;

    /** {@code typedValues}: the CRM sends JSON types (a number as a number), so a number sent as text is a finding. */
    public FieldComparison(boolean typedValues) {
        this.typedValues = typedValues;
    }

    /**
     * Findings for one record: one per mapped field, then one {@link Kind#UNKNOWN} per property neither mapped nor
     * among {@code systemProperties} (id, timestamps, version: what every record has). {@code crmProperties}: the
     * properties the CRM says the object has, or null when it does not say; with it, a mapped property the record
     * lacks is {@link Kind#EMPTY} when the CRM has it and {@link Kind#MISSING} when not.
     */
    public List<Finding> compare(Map<String, FieldSpec> fields, Map<String, Object> properties,
            Collection<String> systemProperties, Set<String> crmProperties) {
        List<Finding> findings = new ArrayList<>();
        Set<String> known = new HashSet<>(systemProperties);
        fields.forEach((field, spec) -> {
            if (spec.kept()) { // a field the CRM has no place for is no finding
                known.add(spec.property());
                findings.add(check(field, spec, properties, crmProperties));
            }
        });
        properties.forEach((property, value) -> {
            if (!known.contains(property) && value != null) {
                findings.add(unknown(property, value));
            }
        });
        return findings;
    }

    Finding check(String field, FieldSpec spec, Map<String, Object> properties, Set<String> crmProperties) {
        String declared = declared(spec);
        Object value = properties.get(spec.property());
        if (value == null && (properties.containsKey(spec.property())
                || crmProperties != null && crmProperties.contains(spec.property()))) {
            return new Finding(Kind.EMPTY, field, spec.property(), declared, "null", null, null, null,
                    "the CRM has the property; this record leaves it empty");
        }
        if (value == null) {
            return new Finding(Kind.MISSING, field, spec.property(), declared, "absent", null, null, null,
                    crmProperties == null ? "the record has no property " + spec.property()
                            : "the CRM has no property " + spec.property() + " on this object");
        }
        return switch (spec.type()) {
            case STRING -> value instanceof String ? ok(field, spec, value) : mismatch(field, spec, value);
            case ENUM -> checkEnum(field, spec, value);
            case NUMBER -> checkNumber(field, spec, value);
            case DATE -> checkDate(field, spec, value);
            case RELATIONSHIP -> isRelationship(value)
                    ? finding(Kind.RELATIONSHIP, field, spec, value, "read as ." + spec.read()
                            + (((Map<?, ?>) value).get(spec.read()) == null ? ", which this record leaves empty" : ""))
                    : mismatch(field, spec, value);
        };
    }

    private Finding checkEnum(String field, FieldSpec spec, Object value) {
        if (!(value instanceof String text)) {
            return mismatch(field, spec, value);
        }
        if (!spec.allowed().isEmpty() && !spec.allowed().contains(text)) {
            return finding(Kind.ENUM_NOT_ALLOWED, field, spec, value, "not among the allowed " + spec.allowed());
        }
        return ok(field, spec, value);
    }

    private Finding checkNumber(String field, FieldSpec spec, Object value) {
        if (value instanceof Number) {
            return ok(field, spec, value);
        }
        if (value instanceof String text && isNumber(text)) {
            return typedValues ? finding(Kind.NUMBER_AS_STRING, field, spec, value, "a number sent as a string")
                    : ok(field, spec, value);
        }
        return mismatch(field, spec, value);
    }

    private Finding checkDate(String field, FieldSpec spec, Object value) {
        if (value instanceof Number || value instanceof String text && isDate(text)) {
            return ok(field, spec, value);
        }
        if (value instanceof String) {
            return finding(Kind.DATE_UNPARSEABLE, field, spec, value, "not ISO-8601 nor epoch milliseconds");
        }
        return mismatch(field, spec, value);
    }

    private Finding mismatch(String field, FieldSpec spec, Object value) {
        String detail = isRelationship(value)
                ? "declared " + declared(spec) + ", is a relationship object {id, name}: map it as type relationship"
                : "declared " + declared(spec) + ", is " + shape(value);
        return finding(Kind.TYPE_MISMATCH, field, spec, value, detail);
    }

    private static Finding ok(String field, FieldSpec spec, Object value) {
        return finding(Kind.OK, field, spec, value, null);
    }

    private static Finding unknown(String property, Object value) {
        return new Finding(Kind.UNKNOWN, null, property, null, shape(value), excerpt(value), relationshipPart(value, "id"),
                relationshipPart(value, "name"), "the field map does not name it");
    }

    private static Finding finding(Kind kind, String field, FieldSpec spec, Object value, String detail) {
        return new Finding(kind, field, spec.property(), declared(spec), shape(value), excerpt(value),
                relationshipPart(value, "id"), relationshipPart(value, "name"), detail);
    }

    private static String declared(FieldSpec spec) {
        return spec.type().name().toLowerCase();
    }

    /** The JSON shape of a value: string, number, boolean, relationship ({@code {id, ...}}), object, array or null. */
    static String shape(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (isRelationship(value)) {
            return "relationship";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        return value instanceof Collection<?> ? "array" : value.getClass().getSimpleName();
    }

    private static boolean isRelationship(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey("id");
    }

    private static String relationshipPart(Object value, String key) {
        if (isRelationship(value)) {
            Object part = ((Map<?, ?>) value).get(key);
            return part == null ? null : String.valueOf(part);
        }
        return null;
    }

    private static String excerpt(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }

    static boolean isNumber(String text) {
        try {
            new java.math.BigDecimal(text.trim());
            return !text.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isDate(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            return true;
        }
        for (java.util.function.Consumer<String> parser : List.<java.util.function.Consumer<String>>of(Instant::parse,
                OffsetDateTime::parse, LocalDate::parse)) {
            try {
                parser.accept(t);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

}
