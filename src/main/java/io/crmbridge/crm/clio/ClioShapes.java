package io.crmbridge.crm.clio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.model.Timestamps;

/**
 * Between the bridge's flat properties and Clio's shapes: request and response bodies wrapped in {@code {"data": ...}};
 * a contact's emails, phones and web sites as arrays of objects (the default one, {@code default_email} and the like,
 * shown flat as
 * {@code primary_email_address}, {@code primary_phone_number}, {@code primary_web_site}); relationships as
 * {@code {id, name}} objects; people and companies as one resource told apart by {@code type}; and the {@code fields=}
 * selector, without which Clio answers only {@code id} and {@code etag}.
 */
final class ClioShapes {

    static final String ID = "id";
    static final String ETAG = "etag";
    static final String CREATED = "created_at";
    static final String UPDATED = "updated_at";

    /** Flat property -> Clio array field, the key holding the value in each of its items, and the default flag. */
    private static final Map<String, String[]> ARRAYS = Map.of(
            ClioFields.EMAIL, new String[] {"email_addresses", "address", "default_email"},
            ClioFields.PHONE, new String[] {"phone_numbers", "number", "default_number"},
            ClioFields.WEB_SITE, new String[] {"web_sites", "address", "default_web_site"});

    /** Relationship fields: written as {@code {id}}, read as {@code {id, name}}. */
    private static final Set<String> RELATIONSHIPS = Set.of("company", "client", "practice_area",
            "responsible_attorney", "originating_attorney", "matter", "contact", "assignee", "user");

    static final String SUBJECT = "subject";
    static final String STATUS = "status";
    /** The bridge's key at the end of a note's subject: {@code ... [note:<event id>]}. */
    private static final Pattern KEY_IN_SUBJECT = Pattern.compile("\\[((?:note|task):[^\\]]+)\\]\\s*$");

    private ClioShapes() {
    }

    /** The {@code type} a contacts.json record of the object has, or null when the object is not a contact kind. */
    static String contactType(String object) {
        return switch (object) {
            case "contacts" -> "Person";
            case "companies" -> "Company";
            default -> null;
        };
    }

    /** The {@code fields=} selector for the flat properties asked for, with the system fields always there. */
    static String fields(String object, List<String> properties) {
        Set<String> fields = new LinkedHashSet<>(List.of(ID, ETAG, CREATED, UPDATED));
        if (contactType(object) != null) {
            fields.add("type");
        }
        for (String property : properties) {
            String[] array = ARRAYS.get(property);
            if (array != null) {
                fields.add(array[0] + "{" + array[1] + ",name," + array[2] + "}");
            } else if (RELATIONSHIPS.contains(property)) {
                fields.add(property + "{id,name}");
            } else if (!property.isBlank()) {
                fields.add(property);
            }
        }
        return String.join(",", fields);
    }

    /** A create or update body: flat properties in Clio's shapes, links as relationship fields, in {@code data}. */
    static Map<String, Object> body(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        Map<String, Object> data = new LinkedHashMap<>();
        String type = contactType(object);
        if (type != null && linkTo != null) {
            data.put("type", type);
        }
        Object key = "notes".equals(object) ? properties.get(BridgeProperty.KEY) : null;
        properties.forEach((property, value) -> {
            if (!BridgeProperty.KEY.equals(property)) {
                put(data, property, value);
            }
        });
        if (linkTo != null) {
            links(object, linkTo, data);
            if ("notes".equals(object) && !data.containsKey(SUBJECT) && data.get("detail") != null) {
                data.put(SUBJECT, subject(data.get("detail").toString())); // Clio requires a note's subject
            }
        }
        if (key != null) {
            // Clio has no custom unique property: the note keeps the bridge's key in its subject, found by query
            data.put(SUBJECT, (data.get(SUBJECT) == null ? "" : data.get(SUBJECT) + " ") + "[" + key + "]");
        }
        return Map.of("data", data);
    }

    private static void put(Map<String, Object> data, String property, Object value) {
        String[] array = ARRAYS.get(property);
        if (array != null) {
            if (value != null && !value.toString().isBlank()) {
                data.put(array[0], List.of(Map.of("name", "Work", array[1], value.toString(), array[2], true)));
            }
        } else if (RELATIONSHIPS.contains(property)) {
            Object ref = reference(value);
            if (ref != null) {
                data.put(property, ref);
            }
        } else {
            data.put(property, value);
        }
    }

    /**
     * A relationship value as Clio takes it, {@code {id}}, from a map with a numeric id or from a numeric id; else none
     * (a name, e.g. a contact's company name, cannot name a Clio record: the link is made by id, as an association).
     */
    private static Object reference(Object value) {
        Object id = value instanceof Map<?, ?> map ? map.get(ID) : value;
        if (id != null && !id.toString().isBlank() && id.toString().chars().allMatch(Character::isDigit)) {
            return Map.of(ID, Long.parseLong(id.toString()));
        }
        return null;
    }

    /** A create's links: a person's company, a matter's client, a note's or task's matter or contact. */
    private static void links(String object, Map<String, String> linkTo, Map<String, Object> data) {
        String contact = linkTo.get("contacts");
        String company = linkTo.get("companies");
        String matter = linkTo.get("deals");
        switch (object) {
            case "contacts" -> putRef(data, "company", company);
            case "deals" -> putRef(data, "client", contact != null ? contact : company);
            case "notes" -> {
                if (matter != null) {
                    data.put("type", "Matter");
                    putRef(data, "matter", matter);
                } else if (contact != null || company != null) {
                    data.put("type", "Contact");
                    putRef(data, "contact", contact != null ? contact : company);
                }
            }
            case "tasks" -> putRef(data, "matter", matter);
            default -> {
            }
        }
    }

    static void putRef(Map<String, Object> data, String field, String id) {
        if (id != null && !id.isBlank()) {
            data.put(field, Map.of(ID, id.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(id) : id));
        }
    }

    /** The {@code data} of an answer: a map for one record, a list for a listing; null when absent. */
    static Object data(Object answer) {
        return answer instanceof Map<?, ?> map ? map.get("data") : null;
    }

    /**
     * A matter's status as Clio reads it ({@code Open}, {@code Pending}, {@code Closed}) and as it is written and
     * filtered on ({@code open}, {@code pending}, {@code closed}): records show the written form, the one the field
     * map names.
     */
    private static final Map<String, String> MATTER_STATUS_READ = Map.of("Open", "open", "Pending", "pending",
            "Closed", "closed");

    /**
     * One Clio record as the bridge reads it: the primary email, phone and web site shown flat beside the rest, a
     * matter's status as it is written.
     */
    @SuppressWarnings("unchecked")
    static CrmRecord record(Object raw) {
        if (!(raw instanceof Map<?, ?> map) || map.get(ID) == null) {
            return null;
        }
        Map<String, Object> record = (Map<String, Object>) map;
        Map<String, Object> properties = new LinkedHashMap<>(record);
        ARRAYS.forEach((flat, array) -> {
            Object primary = primary(record.get(array[0]), array[1], array[2]);
            if (primary != null && !properties.containsKey(flat)) {
                properties.put(flat, primary);
            }
        });
        if (record.get(STATUS) instanceof String status && MATTER_STATUS_READ.containsKey(status)) {
            properties.put(STATUS, MATTER_STATUS_READ.get(status));
        }
        if (record.get(SUBJECT) instanceof String subject) {
            Matcher key = KEY_IN_SUBJECT.matcher(subject);
            if (key.find()) {
                properties.put(BridgeProperty.KEY, key.group(1));
            }
        }
        return new CrmRecord(String.valueOf(record.get(ID)), Timestamps.parse(record.get(CREATED)),
                Timestamps.parse(record.get(UPDATED)), properties, record);
    }

    /** The default item's value of a Clio array (the first one when none is marked default). */
    static Object primary(Object array, String key, String flag) {
        if (!(array instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        Object chosen = list.stream().<Object>map(e -> e)
                .filter(e -> e instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get(flag)))
                .findFirst().orElse(list.get(0));
        return chosen instanceof Map<?, ?> m ? m.get(key) : null;
    }

    /** The records of a listing answer. */
    static List<CrmRecord> records(Object answer) {
        List<CrmRecord> records = new ArrayList<>();
        if (data(answer) instanceof List<?> list) {
            for (Object raw : list) {
                CrmRecord record = record(raw);
                if (record != null) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** The value a flat property shows, for an exact comparison: a relationship's name or id as text. */
    static String text(CrmRecord record, String property) {
        Object value = record.property(property);
        if (value instanceof Map<?, ?> map) {
            value = map.get("name") != null ? map.get("name") : map.get(ID);
        }
        return value == null ? null : value.toString();
    }

    /** A note's subject from its text: the first line, at most 100 characters. */
    static String subject(String detail) {
        String first = detail.lines().findFirst().orElse("").trim();
        return first.length() > 100 ? first.substring(0, 100) : first;
    }

    /** A web site compared as a domain: no scheme, no {@code www.}, no path, lowercase. */
    static String domain(String site) {
        String d = site.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        int slash = d.indexOf('/');
        return slash < 0 ? d : d.substring(0, slash);
    }

    /** The records of a list answer whose property equals one of the keys (without case), shaped like the answer. */
    static Object share(Object answer, String property, Collection<String> keys) {
        boolean site = ClioFields.WEB_SITE.equals(property);
        Set<String> wanted = new HashSet<>();
        keys.forEach(k -> wanted.add(site ? domain(k) : k.toLowerCase(Locale.ROOT)));
        List<Object> kept = new ArrayList<>();
        if (data(answer) instanceof List<?> list) {
            for (Object raw : list) {
                CrmRecord record = record(raw);
                String value = record == null ? null : text(record, property);
                if (value != null && wanted.contains(site ? domain(value) : value.toLowerCase(Locale.ROOT))) {
                    kept.add(raw);
                }
            }
        }
        return Map.of("data", kept);
    }

    /** A record's {@code etag}, or null when it has none. */
    static String etag(CrmRecord record) {
        Object etag = record.raw() == null ? null : record.raw().get(ETAG);
        return etag == null ? null : String.valueOf(etag);
    }
}
