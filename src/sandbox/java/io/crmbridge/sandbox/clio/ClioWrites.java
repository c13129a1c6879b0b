package io.crmbridge.sandbox.clio;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Judges a create or update body ({@code data}) as Clio does and merges it into the stored fields: unknown or
 * read-only fields, a missing required field, a value outside an enum or a relationship to a record that does not
 * exist are 422. Relationships are written {@code {"id": n}} and stored {@code {"id": n, "name": "..."}}; nested
 * arrays ({@code email_addresses}, {@code phone_numbers}) follow Clio's rules: an item with an {@code id} updates
 * that item (or removes it with {@code "_destroy": true}), an item without one is added.
 */
@ApplicationScoped
public class ClioWrites {

    static final Set<String> CONTACT_TYPES = Set.of("Person", "Company");
    /** A matter's status as written (and filtered on) and as read: {@code open} is stored and shown {@code Open}. */
    static final Map<String, String> MATTER_STATUSES = Map.of("open", "Open", "pending", "Pending", "closed", "Closed");
    static final Set<String> TASK_STATUSES = Set.of("pending", "in_progress", "in_review", "complete", "draft");
    static final Set<String> TASK_PRIORITIES = Set.of("High", "Normal", "Low");
    static final Set<String> ASSIGNEE_TYPES = Set.of("User", "Contact");
    private static final Map<String, Set<String>> ITEM_NAMES = Map.of(
            "email_addresses", Set.of("Work", "Home", "Other"),
            "phone_numbers", Set.of("Work", "Home", "Mobile", "Fax", "Pager", "Skype", "Other"),
            "web_sites", Set.of("Work", "Personal", "Twitter", "Facebook", "LinkedIn", "Instant Messenger", "Other"));
    /** The default flag of an item as written, and as it is stored and read ({@code primary}; web sites keep theirs). */
    private static final Map<String, String[]> ITEM_FLAGS = Map.of(
            "email_addresses", new String[] { "default_email", "primary" },
            "phone_numbers", new String[] { "default_number", "primary" },
            "web_sites", new String[] { "default_web_site", "default_web_site" });
    static final Set<String> NOTE_TYPES = Set.of("Contact", "Matter");
    private static final Map<String, Set<String>> ITEM_FIELDS = Map.of(
            "email_addresses", Set.of("id", "name", "address", "default_email", "_destroy"),
            "phone_numbers", Set.of("id", "name", "number", "default_number", "_destroy"),
            "web_sites", Set.of("id", "name", "address", "default_web_site", "_destroy"));

    private final ClioStore store;

    ClioWrites(ClioStore store) {
        this.store = store;
    }

    /** The fields to store: {@code current} (null on create) with {@code data} merged in, checked. */
    ObjectNode merge(ClioResourceType type, ObjectNode current, JsonNode data) {
        if (data == null || !data.isObject()) {
            throw ClioApiException.badRequest("The request body must be {\"data\": {...}}");
        }
        ObjectNode fields = current == null ? JsonNodeFactory.instance.objectNode() : current.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = data.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!type.isWritableField(name)) {
                throw ClioApiException.unprocessable(type.fields().contains(name)
                        ? name + " is read-only" : "Unknown field for " + type.apiName() + ": " + name);
            }
            JsonNode value = e.getValue();
            if (name.equals("assignee")) {
                fields.set(name, assignee(value));
            } else if (type.isRelation(name)) {
                fields.set(name, relation(type.relationTarget(name), name, value));
            } else if (ITEM_FIELDS.containsKey(name)) {
                fields.set(name, items(name, (ArrayNode) fields.get(name), value));
            } else if (type == ClioResourceType.MATTERS && name.equals("status")) {
                if (!value.isTextual() || !MATTER_STATUSES.containsKey(value.asText())) {
                    throw ClioApiException.unprocessable("status must be one of " + MATTER_STATUSES.keySet() + ", was "
                            + value);
                }
                fields.put(name, MATTER_STATUSES.get(value.asText()));
            } else if (value != null && (value.isObject() || value.isArray())) {
                throw ClioApiException.unprocessable(name + " must be a single value");
            } else {
                fields.set(name, value);
            }
        }
        checkRules(type, fields, current == null);
        return fields;
    }

    private JsonNode relation(ClioResourceType target, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (!value.isObject() || !value.path("id").canConvertToLong()) {
            throw ClioApiException.unprocessable(name + " must be an object with a numeric id: {\"id\": 123}");
        }
        long id = value.get("id").asLong();
        ClioRecord related = store.find(target, id).orElseThrow(
                () -> ClioApiException.unprocessable(name + " refers to a " + target.apiName() + " record that does not exist: " + id));
        ObjectNode stored = JsonNodeFactory.instance.objectNode().put("id", id);
        if (name.equals("assignee")) {
            stored.put("type", "User");
        }
        if (target == ClioResourceType.MATTERS) {
            stored.put("display_number", related.text("display_number"));
        } else {
            stored.put("name", related.text("name"));
        }
        return stored;
    }

    /** A task's assignee: {@code {"id": n, "type": "User"|"Contact"}}, both required. */
    private JsonNode assignee(JsonNode value) {
        if (value == null || !value.isObject() || !value.path("id").canConvertToLong()
                || !ASSIGNEE_TYPES.contains(value.path("type").asText())) {
            throw ClioApiException.unprocessable("assignee must be {\"id\": 123, \"type\": \"User\"|\"Contact\"}");
        }
        ClioResourceType target = "User".equals(value.get("type").asText()) ? ClioResourceType.USERS
                : ClioResourceType.CONTACTS;
        ObjectNode stored = (ObjectNode) relation(target, "assignee", value);
        stored.put("type", "User".equals(value.get("type").asText()) ? "User"
                : store.find(target, value.get("id").asLong()).map(r -> r.text("type")).orElse("Person"));
        return stored;
    }

    private ArrayNode items(String name, ArrayNode current, JsonNode value) {
        if (value == null || !value.isArray()) {
            throw ClioApiException.unprocessable(name + " must be an array of objects");
        }
        ArrayNode out = current == null ? JsonNodeFactory.instance.arrayNode() : current.deepCopy();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw ClioApiException.unprocessable(name + " must be an array of objects");
            }
            item.fieldNames().forEachRemaining(f -> {
                if (!ITEM_FIELDS.get(name).contains(f)) {
                    throw ClioApiException.unprocessable("Unknown field in " + name + ": " + f);
                }
            });
            String[] flag = ITEM_FLAGS.get(name);
            if (item.hasNonNull("name") && !ITEM_NAMES.get(name).contains(item.get("name").asText())) {
                throw ClioApiException.unprocessable(name + ": name must be one of " + ITEM_NAMES.get(name));
            }
            if (item.path(flag[0]).asBoolean(false)) {
                out.forEach(other -> ((ObjectNode) other).put(flag[1], false)); // one default item
            }
            item = stored(item, flag);
            if (item.hasNonNull("id")) {
                long id = item.get("id").asLong();
                int index = indexOf(out, id);
                if (index < 0) {
                    throw ClioApiException.unprocessable(name + " has no item " + id);
                }
                if (item.path("_destroy").asBoolean(false)) {
                    out.remove(index);
                } else {
                    ObjectNode updated = ((ObjectNode) out.get(index)).setAll((ObjectNode) item.deepCopy());
                    updated.remove("_destroy");
                }
            } else {
                ObjectNode added = JsonNodeFactory.instance.objectNode().put("id", store.nextId());
                added.setAll((ObjectNode) item.deepCopy());
                added.remove("_destroy");
                if (!added.has(flag[1])) {
                    added.put(flag[1], out.isEmpty());
                }
                out.add(added);
            }
        }
        return out;
    }

    /** An item as stored: its default flag under the name it is read by. */
    private static ObjectNode stored(JsonNode item, String[] flag) {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        JsonNode set = copy.remove(flag[0]);
        if (set != null) {
            copy.put(flag[1], set.asBoolean(false));
        }
        return copy;
    }

    private static int indexOf(ArrayNode items, long id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asLong() == id) {
                return i;
            }
        }
        return -1;
    }

    private static void checkRules(ClioResourceType type, ObjectNode f, boolean create) {
        switch (type) {
            case CONTACTS -> {
                requireOneOf(f, "type", CONTACT_TYPES);
                if (create && (text(f, "name") == null || text(f, "name").isBlank())) {
                    throw ClioApiException.unprocessable("name can't be blank");
                }
                if ("Person".equals(text(f, "type"))) {
                    String full = String.join(" ", nonBlank(text(f, "first_name")), nonBlank(text(f, "last_name"))).trim();
                    if (full.isEmpty()) {
                        throw ClioApiException.unprocessable("A Person needs first_name or last_name");
                    }
                    f.put("name", full);
                } else if (text(f, "name") == null || text(f, "name").isBlank()) {
                    throw ClioApiException.unprocessable("A Company needs a name");
                }
            }
            case MATTERS -> {
                if (!f.hasNonNull("client")) {
                    throw ClioApiException.unprocessable("client can't be blank: a matter needs client {\"id\": ...}");
                }
                if (text(f, "description") == null || text(f, "description").isBlank()) {
                    throw ClioApiException.unprocessable("description can't be blank");
                }
                if (create && !f.hasNonNull("status")) {
                    f.put("status", MATTER_STATUSES.get("open"));
                }
            }
            case NOTES -> {
                requireOneOf(f, "type", NOTE_TYPES);
                String related = "Contact".equals(text(f, "type")) ? "contact" : "matter";
                if (!f.hasNonNull(related)) {
                    throw ClioApiException.unprocessable("A " + text(f, "type") + " note needs " + related + " {\"id\": ...}");
                }
                if (f.hasNonNull("date") && !ClioTime.isDate(text(f, "date"))) {
                    throw ClioApiException.unprocessable("date must be an ISO-8601 date (YYYY-MM-DD), was " + text(f, "date"));
                }
            }
            case TASKS -> {
                if (text(f, "name") == null || text(f, "name").isBlank()) {
                    throw ClioApiException.unprocessable("name can't be blank");
                }
                if (create && (!f.hasNonNull("description") || !f.hasNonNull("assignee"))) {
                    throw ClioApiException.unprocessable("A task needs name, description and assignee {\"id\", \"type\"}");
                }
                if (create && !f.hasNonNull("status")) {
                    f.put("status", "pending");
                }
                requireOneOf(f, "status", TASK_STATUSES);
                if (f.hasNonNull("priority")) {
                    requireOneOf(f, "priority", TASK_PRIORITIES);
                }
            }
            case PRACTICE_AREAS -> {
                if (text(f, "name") == null || text(f, "name").isBlank()) {
                    throw ClioApiException.unprocessable("name can't be blank");
                }
            }
            case USERS -> {
            }
        }
    }

    private static void requireOneOf(ObjectNode f, String field, Set<String> allowed) {
        String value = text(f, field);
        if (value == null || !allowed.contains(value)) {
            throw ClioApiException.unprocessable(field + " must be one of " + allowed + ", was " + value);
        }
    }

    static String text(ObjectNode f, String field) {
        return f.hasNonNull(field) ? f.get(field).asText() : null;
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.trim();
    }
}
