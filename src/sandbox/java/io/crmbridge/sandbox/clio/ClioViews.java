package io.crmbridge.sandbox.clio;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record as the API shows it: every field it has, derived fields, and the lies when they are on. A field without a
 * value is left out, and a list without items is empty: Clio's published schemas declare no field nullable.
 */
@ApplicationScoped
public class ClioViews {

    /** The fields that hold lists of items. */
    private static final Set<String> LISTS = Set.of("email_addresses", "phone_numbers", "web_sites", "addresses");

    private final ClioLies lies;

    ClioViews(ClioLies lies) {
        this.lies = lies;
    }

    public ObjectNode view(ClioRecord r, ClioFields fields) {
        return fields.select(full(r));
    }

    ObjectNode full(ClioRecord r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", r.id());
        out.put("etag", r.etag());
        out.put("created_at", ClioTime.format(r.createdAt()));
        out.put("updated_at", ClioTime.format(r.updatedAt()));
        for (String field : r.type().fields()) {
            if (!out.has(field)) {
                JsonNode value = r.fields().get(field);
                if (value != null && !value.isNull()) {
                    out.set(field, value);
                } else if (LISTS.contains(field)) {
                    out.set(field, JsonNodeFactory.instance.arrayNode());
                }
            }
        }
        if (r.type() == ClioResourceType.CONTACTS) {
            setIfPresent(out, "primary_email_address", primary(out.get("email_addresses"), "address", "primary"));
            setIfPresent(out, "primary_phone_number", primary(out.get("phone_numbers"), "number", "primary"));
            if (lies.on() && out.hasNonNull("title")) {
                String title = out.get("title").asText();
                out.set("title", JsonNodeFactory.instance.objectNode()
                        .put("id", Math.abs((long) title.hashCode()) % 1_000_000 + 1).put("name", title));
            }
        }
        return out;
    }

    private static void setIfPresent(ObjectNode out, String field, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            out.set(field, value);
        } else {
            out.remove(field);
        }
    }

    /** The default item's value, else the first item's, else null. */
    private static JsonNode primary(JsonNode items, String valueField, String defaultFlag) {
        if (items == null || !items.isArray() || items.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        for (JsonNode item : items) {
            if (item.path(defaultFlag).asBoolean(false)) {
                return item.path(valueField);
            }
        }
        return items.get(0).path(valueField);
    }
}
