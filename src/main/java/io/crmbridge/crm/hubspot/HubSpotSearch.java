package io.crmbridge.crm.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.crm.ChangeQuery;

/**
 * HubSpot CRM search bodies ({@code POST /crm/v3/objects/{object}/search}).
 *
 * <p>A poll page is oldest first by modification time (HubSpot takes one sort and breaks ties by id). The first page
 * of a poll asks for everything modified at or after {@code from}; every later page restarts the query from the last
 * (time, id) pair seen: {@code modified > t OR (modified = t AND hs_object_id > id)}. So {@code after} never grows,
 * HubSpot's 10,000-result cap is never reached, and a record modified during the poll can move to the end of the
 * order without shifting an offset past an unseen record.
 */
final class HubSpotSearch {

    static final String OBJECT_ID = "hs_object_id";

    private HubSpotSearch() {
    }

    /** HubSpot names the contacts' modification time {@code lastmodifieddate}; every other object {@code hs_lastmodifieddate}. */
    static String modificationProperty(String object) {
        return "contacts".equals(object) ? "lastmodifieddate" : "hs_lastmodifieddate";
    }

    static Map<String, Object> changed(ChangeQuery query) {
        String modified = modificationProperty(query.object());
        List<Map<String, Object>> groups = new ArrayList<>();
        if (query.after() != null) {
            String t = Long.toString(query.after().modifiedAt().toEpochMilli());
            groups.add(group(filter(modified, "GT", t)));
            groups.add(group(filter(modified, "EQ", t), filter(OBJECT_ID, "GT", query.after().recordId())));
        } else if (query.from() != null) {
            groups.add(group(filter(modified, "GTE", Long.toString(query.from().toEpochMilli()))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filterGroups", groups);
        body.put("sorts", List.of(Map.of("propertyName", modified, "direction", "ASCENDING")));
        body.put("properties", query.properties());
        body.put("limit", query.limit());
        body.put("after", "0");
        return body;
    }

    static Map<String, Object> equal(String property, String value, List<String> properties) {
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("filterGroups", List.of(group(filter(property, "EQ", value))));
        search.put("sorts", List.of(Map.of("propertyName", OBJECT_ID, "direction", "ASCENDING")));
        search.put("properties", properties);
        search.put("limit", 10);
        search.put("after", "0");
        return search;
    }

    private static Map<String, Object> group(Map<?, ?>... filters) {
        return Map.of("filters", List.of(filters));
    }

    private static Map<String, Object> filter(String property, String operator, String value) {
        return Map.of("propertyName", property, "operator", operator, "value", value);
    }
}
