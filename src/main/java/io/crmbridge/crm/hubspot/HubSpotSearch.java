package io.crmbridge.crm.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.crm.ChangeQuery;

/**
 * HubSpot CRM search bodies ({@code POST /crm/v3/objects/{object}/search}).
 *
 * <p>HubSpot takes one sort and promises no order among results that share its value. So a poll reads forward by
 * modification time ({@code modified > t AND modified < settled}, ascending), and pages a tie group (all records of
 * one modification time) with an explicit sort by {@code hs_object_id}: {@code modified = t AND hs_object_id > id}.
 * Every page restarts the query from where the last one ended, so HubSpot's 10,000-result cap is never reached.
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
        List<Map<String, Object>> filters = new ArrayList<>();
        String sortBy;
        if (query.mode() == ChangeQuery.Mode.TIE_GROUP) {
            filters.add(filter(modified, "EQ", millis(query.at())));
            if (query.afterId() != null) {
                filters.add(filter(OBJECT_ID, "GT", query.afterId()));
            }
            sortBy = OBJECT_ID;
        } else {
            if (query.at() != null) {
                filters.add(filter(modified, "GT", millis(query.at())));
            }
            if (query.settledBefore() != null) {
                filters.add(filter(modified, "LT", millis(query.settledBefore())));
            }
            sortBy = modified;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filterGroups", filters.isEmpty() ? List.of() : List.of(Map.of("filters", filters)));
        body.put("sorts", List.of(Map.of("propertyName", sortBy, "direction", "ASCENDING")));
        body.put("properties", query.properties());
        body.put("limit", query.limit());
        body.put("after", "0");
        return body;
    }

    private static String millis(java.time.Instant at) {
        return Long.toString(at.toEpochMilli());
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

    /** Records whose property is one of the values ({@code IN}), sorted by id, one page of at most 200. */
    static Map<String, Object> in(String property, java.util.Collection<String> values, List<String> properties) {
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("filterGroups", List.of(group(Map.of("propertyName", property, "operator", "IN", "values",
                List.copyOf(values)))));
        search.put("sorts", List.of(Map.of("propertyName", OBJECT_ID, "direction", "ASCENDING")));
        search.put("properties", properties);
        search.put("limit", MAX_LIMIT);
        search.put("after", "0");
        return search;
    }

    /** The most results one search page returns (PublicObjectSearchRequest.limit). */
    static final int MAX_LIMIT = 200;

    private static Map<String, Object> group(Map<?, ?>... filters) {
        return Map.of("filters", List.of(filters));
    }

    private static Map<String, Object> filter(String property, String operator, String value) {
        return Map.of("propertyName", property, "operator", operator, "value", value);
    }
}
