package io.crmbridge.sandbox.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a {@link SearchRequest} into a {@link SearchQuery}, answering HubSpot's 400s for what it cannot take. */
public final class SearchQueryParser {

    private SearchQueryParser() {
    }

    public static SearchQuery parse(ObjectType type, SearchRequest request) {
        SearchRequest r = request != null ? request : new SearchRequest(null, null, null, null, null, null);
        int limit = r.limit() == null ? SearchQuery.DEFAULT_LIMIT : r.limit();
        if (limit < 0 || limit > SearchQuery.MAX_LIMIT) {
            throw SandboxApiException.badRequest("limit must be between 0 and " + SearchQuery.MAX_LIMIT + ", was " + limit);
        }
        int offset = parseAfter(r.after());
        if (offset >= SearchQuery.RESULT_CAP) {
            throw SandboxApiException.badRequest("Search results are limited to " + SearchQuery.RESULT_CAP
                    + " per query: 'after' must be below " + SearchQuery.RESULT_CAP + ", was " + offset
                    + ". Narrow the query (e.g. restart it from the last modification time seen).");
        }
        List<List<Condition>> groups = new ArrayList<>();
        if (r.filterGroups() != null) {
            for (SearchRequest.FilterGroup g : r.filterGroups()) {
                List<Condition> group = new ArrayList<>();
                if (g != null && g.filters() != null) {
                    for (SearchRequest.Filter f : g.filters()) {
                        group.add(condition(type, f));
                    }
                }
                groups.add(group);
            }
        }
        List<SearchQuery.SortKey> sorts = new ArrayList<>();
        if (r.sorts() != null) {
            for (JsonNode s : r.sorts()) {
                sorts.add(sortKey(s));
            }
        }
        String text = r.query() == null || r.query().isBlank() ? null : r.query().trim().toLowerCase(Locale.ROOT);
        return new SearchQuery(groups, sorts, offset, limit, text);
    }

    private static int parseAfter(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(after.trim());
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw SandboxApiException.badRequest("Invalid paging cursor 'after': " + after);
        }
    }

    static Condition condition(ObjectType type, SearchRequest.Filter f) {
        if (f == null || f.propertyName() == null || f.propertyName().isBlank()) {
            throw SandboxApiException.badRequest("A filter needs a propertyName");
        }
        Condition.Operator op = operator(f.operator());
        String property = f.propertyName();
        PropertyType valueType = PropertyAccess.comparisonType(type, property);
        Comparable<?> value = null;
        Comparable<?> high = null;
        List<Comparable<?>> values = List.of();
        switch (op) {
            case HAS_PROPERTY, NOT_HAS_PROPERTY -> {
            }
            case IN, NOT_IN -> {
                if (f.values() == null) {
                    throw SandboxApiException.badRequest("Operator " + op + " needs 'values' on " + property);
                }
                List<Comparable<?>> parsed = new ArrayList<>();
                for (String v : f.values()) {
                    parsed.add(operand(valueType, property, v));
                }
                values = parsed;
            }
            case CONTAINS_TOKEN, NOT_CONTAINS_TOKEN -> value = operand(PropertyType.STRING, property, f.value());
            case BETWEEN -> {
                value = operand(valueType, property, f.value());
                high = operand(valueType, property, f.highValue());
            }
            default -> value = operand(valueType, property, f.value());
        }
        return new Condition(property, op, PropertyAccess.reader(type, property), value, high, values);
    }

    private static Condition.Operator operator(String name) {
        try {
            return Condition.Operator.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SandboxApiException.badRequest("Unknown filter operator: " + name);
        }
    }

    private static Comparable<?> operand(PropertyType type, String property, String raw) {
        if (raw == null) {
            throw SandboxApiException.badRequest("Filter on " + property + " needs a value");
        }
        Comparable<?> v = PropertyAccess.typed(type, raw);
        if (v == null) {
            throw SandboxApiException.badRequest("Filter value '" + raw + "' is not a valid "
                    + type.name().toLowerCase(Locale.ROOT) + " for " + property);
        }
        return v;
    }

    /** {@code "prop"}, {@code "-prop"} (descending), or {@code {"propertyName": "prop", "direction": "DESCENDING"}}. */
    static SearchQuery.SortKey sortKey(JsonNode node) {
        if (node != null && node.isTextual()) {
            String s = node.asText().trim();
            boolean desc = s.startsWith("-");
            String name = desc ? s.substring(1) : s;
            if (name.isEmpty()) {
                throw SandboxApiException.badRequest("Empty sort");
            }
            return new SearchQuery.SortKey(name, desc);
        }
        if (node != null && node.isObject() && node.hasNonNull("propertyName")) {
            String direction = node.path("direction").asText("ASCENDING").toUpperCase(Locale.ROOT);
            if (!direction.equals("ASCENDING") && !direction.equals("DESCENDING")) {
                throw SandboxApiException.badRequest("Sort direction must be ASCENDING or DESCENDING, was " + direction);
            }
            return new SearchQuery.SortKey(node.get("propertyName").asText(), direction.equals("DESCENDING"));
        }
        throw SandboxApiException.badRequest("A sort is a property name or {\"propertyName\", \"direction\"}: " + node);
    }
}
