package io.crmbridge.sandbox.objects;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a property of a record as a comparable value of its type: epoch millis for dates, {@link BigDecimal} for
 * numbers, lower-case strings otherwise. The id and the managed timestamps are read from the record's fields, so
 * the hot paths (modification-time filters) never parse a string.
 */
final class PropertyAccess {

    private PropertyAccess() {
    }

    static Function<CrmRecord, Comparable<?>> reader(ObjectType type, String property) {
        if (PropertyCatalog.isModificationTime(type, property)) {
            return r -> r.updatedAt().toEpochMilli();
        }
        if (PropertyCatalog.CREATEDATE.equals(property)) {
            return r -> r.createdAt().toEpochMilli();
        }
        if (PropertyCatalog.OBJECT_ID.equals(property)) {
            return r -> new BigDecimal(r.id());
        }
        PropertyType propertyType = PropertyCatalog.typeOf(type, property);
        return r -> typed(propertyType, r.property(property));
    }

    /** A stored or filter value as a comparable of the property's type; null if absent or not parseable. */
    static Comparable<?> typed(PropertyType type, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (type) {
            case DATETIME -> Timestamps.parseMillis(raw);
            case NUMBER -> number(raw);
            default -> raw.toLowerCase(Locale.ROOT);
        };
    }

    static PropertyType comparisonType(ObjectType type, String property) {
        if (PropertyCatalog.OBJECT_ID.equals(property)) {
            return PropertyType.NUMBER;
        }
        return PropertyCatalog.typeOf(type, property);
    }

    private static BigDecimal number(String raw) {
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }
}
