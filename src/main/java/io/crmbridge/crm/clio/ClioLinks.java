package io.crmbridge.crm.clio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.crmbridge.crm.CrmRequest;

/**
 * Clio's resources per bridge object, and the associations Clio keeps as relationship fields: a person's
 * {@code company} and a matter's {@code client}. An association is a write of that field on the record holding it; a
 * pair Clio cannot express (a matter has one client, so not both a person and a company) is refused.
 */
final class ClioLinks {

    /** (holder object, linked object) -> the holder's relationship field. */
    private static final Map<String, String> FIELDS = Map.of(
            "contacts>companies", "company",
            "deals>contacts", "client",
            "notes>deals", "matter",
            "notes>contacts", "contact",
            "tasks>deals", "matter");

    private ClioLinks() {
    }

    static String resourceName(String object) {
        return switch (object) {
            case "contacts", "companies" -> "contacts";
            case "deals" -> "matters";
            case "notes" -> "notes";
            case "tasks" -> "tasks";
            case "owners" -> "users";
            case "practice_areas" -> "practice_areas";
            default -> throw new UnsupportedOperationException("the clio connector maps no resource for " + object);
        };
    }

    static boolean holds(String fromObject, String toObject) {
        return FIELDS.containsKey(fromObject + ">" + toObject);
    }

    /** The relationship field {@code fromObject} holds for {@code toObject}. */
    static String field(String fromObject, String toObject) {
        String field = FIELDS.get(fromObject + ">" + toObject);
        if (field == null) {
            throw new UnsupportedOperationException("Clio keeps no " + fromObject + " -> " + toObject
                    + " association (only a person's company, a matter's client, a note's or task's matter)");
        }
        return field;
    }

    /** The request listing the {@code toObject} records linked to one record. */
    static CrmRequest list(String fromObject, String fromId, String toObject) {
        String id = ClioRequests.encode(fromId);
        if (("contacts".equals(fromObject) || "companies".equals(fromObject)) && "deals".equals(toObject)) {
            return CrmRequest.get("/matters.json", "client_id=" + id + "&limit=" + ClioRequests.MAX_LIMIT
                    + "&fields=" + ClioRequests.encode("id,etag,client{id,name}"));
        }
        if (FIELDS.containsKey(fromObject + ">" + toObject)) {
            String field = field(fromObject, toObject);
            return CrmRequest.get(ClioRequests.one(fromObject, fromId),
                    "fields=" + ClioRequests.encode("id,etag," + field + ClioShapes.nested(field)));
        }
        throw new UnsupportedOperationException("Clio lists no " + fromObject + " -> " + toObject + " association");
    }

    /** A listing answer -> its records' ids; a single record -> the ids of its relationship fields. */
    static List<String> ids(Object answer) {
        Object data = ClioShapes.data(answer);
        List<String> ids = new ArrayList<>();
        if (data instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).map(r -> ((Map<?, ?>) r).get(ClioShapes.ID))
                    .filter(java.util.Objects::nonNull).forEach(i -> ids.add(String.valueOf(i)));
        } else if (data instanceof Map<?, ?> record) {
            for (String field : FIELDS.values()) {
                if (record.get(field) instanceof Map<?, ?> ref && ref.get(ClioShapes.ID) != null
                        && !ids.contains(String.valueOf(ref.get(ClioShapes.ID)))) {
                    ids.add(String.valueOf(ref.get(ClioShapes.ID)));
                }
            }
        }
        return ids;
    }

    /** The id of an association input's side: {@code {id}} or the id itself. */
    static String id(Object side) {
        Object id = side instanceof Map<?, ?> map ? map.get(ClioShapes.ID) : side;
        if (id == null) {
            throw new IllegalArgumentException("an association pair needs from.id and to.id");
        }
        return String.valueOf(id);
    }
}
