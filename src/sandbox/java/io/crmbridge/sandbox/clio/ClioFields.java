package io.crmbridge.sandbox.clio;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Clio's {@code fields=} selector: a comma list of field names, a relationship or nested array followed by its own
 * list in braces ({@code id,name,client{id,name},email_addresses{address}}). Without it a record shows only
 * {@code id} and {@code etag}; a relationship named without braces shows whole ({@code {id, name}}). An unknown
 * field is 400, as Clio answers, at every level.
 */
public final class ClioFields {

    /** What {@code fields=} absent or blank selects. */
    public static final ClioFields DEFAULT = parse("id,etag");

    /** Selected names, each with its nested selection (null: the whole value). */
    private final Map<String, ClioFields> selected;

    private ClioFields(Map<String, ClioFields> selected) {
        this.selected = selected;
    }

    public static ClioFields parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return DEFAULT;
        }
        int[] pos = { 0 };
        ClioFields parsed = parseList(spec.replace(" ", ""), pos);
        if (pos[0] != spec.replace(" ", "").length()) {
            throw ClioApiException.badRequest("fields: unbalanced braces in " + spec);
        }
        return parsed;
    }

    private static ClioFields parseList(String s, int[] pos) {
        Map<String, ClioFields> out = new LinkedHashMap<>();
        while (pos[0] < s.length() && s.charAt(pos[0]) != '}') {
            int start = pos[0];
            while (pos[0] < s.length() && ",{}".indexOf(s.charAt(pos[0])) < 0) {
                pos[0]++;
            }
            String name = s.substring(start, pos[0]);
            ClioFields nested = null;
            if (pos[0] < s.length() && s.charAt(pos[0]) == '{') {
                pos[0]++;
                nested = parseList(s, pos);
                if (pos[0] >= s.length() || s.charAt(pos[0]) != '}') {
                    throw ClioApiException.badRequest("fields: unbalanced braces after " + name);
                }
                pos[0]++;
            }
            if (!name.isEmpty()) {
                out.put(name, nested);
            }
            if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
        return new ClioFields(out);
    }

    /**
     * 400 when a selected field is not one of the resource's, or a nested selection names a field the related record
     * or item does not publish ({@link ClioPublished#nested}), or a field that has none is given a nested selection.
     */
    public ClioFields checkedFor(ClioResourceType type) {
        selected.forEach((name, nested) -> {
            if (!type.fields().contains(name)) {
                throw ClioApiException.badRequest("Invalid fields for " + type.apiName() + ": " + name);
            }
            if (nested != null) {
                java.util.Set<String> allowed = ClioPublished.nested(type, name);
                if (allowed == null) {
                    throw ClioApiException.badRequest("Invalid fields for " + type.apiName() + ": " + name
                            + " takes no nested fields");
                }
                nested.selected.forEach((inner, deeper) -> {
                    if (!allowed.contains(inner) || deeper != null) {
                        throw ClioApiException.badRequest("Invalid fields for " + type.apiName() + ": " + name + "{"
                                + inner + "}");
                    }
                });
            }
        });
        return this;
    }

    /** The top-level names selected. */
    public java.util.Set<String> names() {
        return selected.keySet();
    }

    /**
     * The selected part of a full view: nested selections applied to objects and arrays; a field without a value is
     * left out (Clio's published schemas declare no field nullable).
     */
    public ObjectNode select(ObjectNode full) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        selected.forEach((name, nested) -> {
            JsonNode value = full.get(name);
            if (value != null && !value.isNull()) {
                out.set(name, nested == null ? value : nested.apply(value));
            }
        });
        return out;
    }

    private JsonNode apply(JsonNode value) {
        if (value.isObject()) {
            return select((ObjectNode) value);
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> out.add(item.isObject() ? select((ObjectNode) item) : item));
            return out;
        }
        return value;
    }
}
