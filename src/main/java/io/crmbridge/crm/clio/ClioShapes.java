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

    /**
     * Flat property -> Clio array field, the key holding the value in each of its items, the default flag as written
     * and as read (Clio reads an email's or phone's default flag as {@code primary}).
     */
    private static final Map<String, String[]> ARRAYS = Map.of(
            ClioFields.EMAIL, new String[] {"email_addresses", "address", "default_email", "primary"},
            ClioFields.PHONE, new String[] {"phone_numbers", "number", "default_number", "primary"},
            ClioFields.WEB_SITE, new String[] {"web_sites", "address", "default_web_site", "default_web_site"});

    /** Relationship fields: written as {@code {id}}, read as {@code {id, name}}. */
    private static final Set<String> RELATIONSHIPS = Set.of("company", "client", "practice_area",
            "responsible_attorney", "originating_attorney", "matter", "contact", "assignee", "user");

    static final String SUBJECT = "subject";
    static final String STATUS = "status";
    /** The bridge's key at the end of a note's subject: {@code ... [note:<event id>]}. */
    private static final Pattern KEY_IN_SUBJECT = Pattern.compile("\\[((?:note|task):[^\\]]+)\\]\\s*$");

    private ClioShapes() {
    }

    /** The field that keeps the bridge's key at its end: a note's {@code subject}, a task's {@code name}. */
    static String keyHolder(String object) {
        return "tasks".equals(object) ? "name" : SUBJECT;
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
                fields.add(array[0] + "{id," + array[1] + ",name," + array[3] + "}");
            } else if (RELATIONSHIPS.contains(property)) {
                fields.add(property + nested(property));
            } else if (!property.isBlank()) {
                fields.add(property);
            }
        }
        return String.join(",", fields);
    }

    /** The nested selection of a relationship: a matter has no name (its {@code display_number}), a task's assignee a type. */
    static String nested(String relationship) {
        return switch (relationship) {
            case "matter" -> "{id,display_number}";
            case "assignee" -> "{id,type,name}";
            default -> "{id,name}";
        };
    }

    static Map<String, Object> body(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        return body(object, properties, linkTo, Map.of());
    }

    /**
     * A create or update body: flat properties in Clio's shapes, links as relationship fields, in {@code data}. An
     * email, phone or web site whose current item id is known ({@code items}, by array) changes that item.
     */
    static Map<String, Object> body(String object, Map<String, Object> properties, Map<String, String> linkTo,
            Map<String, Long> items) {
        Map<String, Object> data = new LinkedHashMap<>();
        String type = contactType(object);
        if (type != null && linkTo != null) {
            data.put("type", type);
        }
        Object key = "notes".equals(object) || "tasks".equals(object) ? properties.get(BridgeProperty.KEY) : null;
        properties.forEach((property, value) -> {
            if (!BridgeProperty.KEY.equals(property)) {
                put(object, data, property, value, items);
            }
        });
        if ("Person".equals(type) && linkTo != null && !data.containsKey("name")) {
            data.put("name", ClioValues.personName(data)); // Clio requires a contact's name on create
        }
        if (linkTo != null) {
            links(object, linkTo, data);
            if ("notes".equals(object) && !data.containsKey(SUBJECT) && data.get("detail") != null) {
                data.put(SUBJECT, subject(data.get("detail").toString())); // Clio requires a note's subject
            }
        }
        if (key != null) {
            // Clio has no custom unique property: the note keeps the bridge's key in its subject, found by query
            String titled = keyHolder(object);
            data.put(titled, (data.get(titled) == null ? "" : data.get(titled) + " ") + "[" + key + "]");
        }
        return Map.of("data", data);
    }

    private static void put(String object, Map<String, Object> data, String property, Object value,
            Map<String, Long> items) {
        String[] array = ARRAYS.get(property);
        if (array != null) {
            if (value != null && !value.toString().isBlank()) {
                Map<String, Object> item = new LinkedHashMap<>();
                Long id = items.get(array[0]);
                if (id != null) {
                    item.put(ID, id); // the primary item, changed in place
                } else {
                    item.put("name", "Work");
                }
                item.put(array[1], value.toString());
                item.put(array[2], true);
                data.put(array[0], List.of(item));
            }
        } else if (RELATIONSHIPS.contains(property)) {
            Object ref = reference(value);
            if (ref instanceof Map<?, ?> map && "assignee".equals(property)) {
                ref = Map.of(ID, map.get(ID), "type", "User"); // Clio requires the assignee's type
            }
            if (ref != null) {
                data.put(property, ref);
            }
        } else if ("notes".equals(object) && "date".equals(property) && value != null) {
            data.put(property, ClioValues.noteDate(value)); // a note's date is a date, not a timestamp
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
                    // Clio's published note body lists contact, matter and type as required: a matter's note
                    // names the person (or company) too
                    data.put("type", "Matter");
                    putRef(data, "matter", matter);
                    putRef(data, "contact", contact != null ? contact : company);
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
            Object primary = primary(record.get(array[0]), array[1], array[3]);
            if (primary != null && !properties.containsKey(flat)) {
                properties.put(flat, primary);
            }
        });
        if (record.get(STATUS) instanceof String status && MATTER_STATUS_READ.containsKey(status)) {
            properties.put(STATUS, MATTER_STATUS_READ.get(status));
        }
        Object titled = record.get(SUBJECT) != null ? record.get(SUBJECT) : record.get("name");
        if (titled instanceof String subject) {
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
        return primaryItem(array, flag) instanceof Map<?, ?> m ? m.get(key) : null;
    }

    private static Object primaryItem(Object array, String flag) {
        if (!(array instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        return list.stream().<Object>map(e -> e)
                .filter(e -> e instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get(flag)))
                .findFirst().orElse(list.get(0));
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

    /** A record's version: its etag and the ids of its primary email, phone and web-site items ({@link ClioVersion}). */
    static String version(CrmRecord record) {
        String etag = etag(record);
        if (etag == null) {
            return null;
        }
        Map<String, Long> items = new LinkedHashMap<>();
        ARRAYS.values().forEach(array -> {
            Object item = primaryItem(record.raw().get(array[0]), array[3]);
            if (item instanceof Map<?, ?> m && m.get(ID) != null) {
                try {
                    items.put(array[0], Long.parseLong(String.valueOf(m.get(ID))));
                } catch (NumberFormatException e) {
                    // no usable item id: a write adds an item
                }
            }
        });
        return new ClioVersion(etag, items).format();
    }
}
