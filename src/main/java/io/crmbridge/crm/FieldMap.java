package io.crmbridge.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One connection's map between contract fields ({@code contacts.email}, {@code contacts.first-name},
 * {@code deals.stage}, {@code owner}, ...) and the CRM's properties, both ways: the connector's defaults, each
 * overridden by the connection's {@code field-map.<object>.<field>.property / .type / .allowed / .read}. So renaming a
 * CRM property is configuration. Types: a relationship ({@code {id, name}} object) is written as {@code {id}} and read
 * through its {@code id} or {@code name}.
 */
public final class FieldMap {

    private final String connection;
    private final Map<String, Map<String, FieldSpec>> byObject = new LinkedHashMap<>();
    private final CrmConnector connector;

    FieldMap(String connection, CrmConnector connector, Map<String, Map<String, FieldSpec>> configured) {
        this.connection = connection;
        this.connector = connector;
        configured.forEach((object, fields) -> {
            Map<String, FieldSpec> merged = new LinkedHashMap<>(connector.defaultFieldMap(object));
            fields.forEach((field, f) -> merged.put(field, f.values().isEmpty()
                    ? new FieldSpec(f.property(), f.type(), f.allowed(), f.read(), defaultValues(connector, object, field))
                    : f));
            byObject.put(object, merged);
        });
    }

    /** The connector's value map of a field, kept when the configuration renames the property only. */
    private static Map<String, String> defaultValues(CrmConnector connector, String object, String field) {
        FieldSpec spec = connector.defaultFieldMap(object).get(field);
        return spec == null ? Map.of() : spec.values();
    }

    /**
     * Whether two contract values of a field are the same value in the CRM's terms: two bridge values one CRM value
     * stands for (a deal stage where the CRM has fewer) are the same, so writing one over the other changes nothing.
     */
    public boolean sameInCrm(String object, String field, Object a, Object b) {
        FieldSpec spec = fields(object).get(field);
        Object left = spec == null ? a : spec.toCrm(a);
        Object right = spec == null ? b : spec.toCrm(b);
        return String.valueOf(left == null ? "" : left).equals(String.valueOf(right == null ? "" : right));
    }

    /** Contract field -> spec for one object. */
    public Map<String, FieldSpec> fields(String object) {
        Map<String, FieldSpec> fields = byObject.get(object);
        return fields != null ? fields : connector.defaultFieldMap(object);
    }

    /** The CRM property of a contract field, or null when the object does not map it. */
    public String property(String object, String field) {
        FieldSpec spec = fields(object).get(field);
        return spec == null || !spec.kept() ? null : spec.property();
    }

    /** The CRM properties to read for an object: the connector's system properties and every mapped one. */
    public List<String> readProperties(String object) {
        Set<String> names = new LinkedHashSet<>(connector.systemProperties(object));
        fields(object).values().stream().filter(FieldSpec::kept).forEach(f -> names.add(f.property()));
        return List.copyOf(names);
    }

    /** Contract fields -> CRM properties; a field the map does not know is an error of the caller. */
    public Map<String, Object> toCrm(String object, Map<String, Object> fields) {
        Map<String, FieldSpec> specs = fields(object);
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        fields.forEach((field, value) -> {
            FieldSpec spec = specs.get(field);
            if (spec == null) {
                unmapped.add(object + "." + field);
            } else if (spec.kept()) {
                Object crmValue = spec.toCrm(value);
                properties.put(spec.property(), spec.type() == FieldType.RELATIONSHIP && crmValue != null
                        && !(crmValue instanceof Map<?, ?>) ? Map.of("id", crmValue) : crmValue);
            }
        });
        if (!unmapped.isEmpty()) {
            throw new IllegalArgumentException("connection " + connection + " maps no CRM property for " + unmapped
                    + " (crmbridge.connections." + connection + ".field-map.<object>.<field>.property)");
        }
        return properties;
    }

    /** CRM properties -> the contract fields the map knows (others are left out). */
    public Map<String, Object> fromCrm(String object, Map<String, Object> properties) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields(object).forEach((field, spec) -> {
            if (spec.kept() && properties.containsKey(spec.property())) {
                fields.put(field, read(spec, properties.get(spec.property())));
            }
        });
        return fields;
    }

    private static Object read(FieldSpec spec, Object value) {
        if (spec.type() == FieldType.RELATIONSHIP && value instanceof Map<?, ?> relationship) {
            return spec.fromCrm(relationship.get(spec.read()));
        }
        return spec.fromCrm(value);
    }
}
