package io.crmbridge.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HubSpot search body for one page of a poll, oldest first by modification time (HubSpot takes one sort and
 * breaks ties by id). The first page of a poll asks for everything modified at or after {@code cursor - overlap};
 * every later page restarts the query from the last (time, id) pair seen:
 * {@code modified > t OR (modified = t AND hs_object_id > id)}. So {@code after} never grows, HubSpot's 10,000-result
 * cap is never reached, more than 10,000 records with one modification time are walked through by id, and a record
 * modified during the poll can move to the end of the order without shifting an offset past an unseen record.
 */
public final class PollQuery {

    public static final String OBJECT_ID = "hs_object_id";

    private PollQuery() {
    }

    /** HubSpot names the contacts' modification time {@code lastmodifieddate}; every other object {@code hs_lastmodifieddate}. */
    public static String modificationProperty(String object) {
        return "contacts".equals(object) ? "lastmodifieddate" : "hs_lastmodifieddate";
    }

    /**
     * @param from       first page only: the lower bound (inclusive), or null to read from the beginning
     * @param lastSeen   later pages: the highest pair seen so far in this poll
     */
    public static Map<String, Object> page(String object, Instant from, CursorPair lastSeen, int limit,
            List<String> properties) {
        String modified = modificationProperty(object);
        List<Map<String, Object>> groups = new ArrayList<>();
        if (lastSeen != null) {
            String t = Long.toString(lastSeen.modifiedAt().toEpochMilli());
            groups.add(group(filter(modified, "GT", t)));
            groups.add(group(filter(modified, "EQ", t), filter(OBJECT_ID, "GT", lastSeen.recordId())));
        } else if (from != null) {
            groups.add(group(filter(modified, "GTE", Long.toString(from.toEpochMilli()))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filterGroups", groups);
        body.put("sorts", List.of(Map.of("propertyName", modified, "direction", "ASCENDING")));
        body.put("properties", properties);
        body.put("limit", limit);
        body.put("after", "0");
        return body;
    }

    private static Map<String, Object> group(Map<?, ?>... filters) {
        return Map.of("filters", List.of(filters));
    }

    private static Map<String, Object> filter(String property, String operator, String value) {
        return Map.of("propertyName", property, "operator", operator, "value", value);
    }
}
