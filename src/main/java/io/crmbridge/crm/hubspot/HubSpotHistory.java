package io.crmbridge.crm.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.crm.CrmRequest;
import io.crmbridge.crm.PropertyChange;

import io.crmbridge.model.Timestamps;

/**
 * HubSpot property history: batch read with {@code propertiesWithHistory} (up to {@value #MAX_IDS} ids; HubSpot answers
 * more with 400), whose versions carry
 * {@code sourceType}, {@code sourceId} and {@code updatedByUserId}. An API write shows as {@code INTEGRATION} with the
 * app's id as {@code sourceId} (OAuth and private apps alike); a person as {@code CRM_UI} with a user id;
 * {@code CALCULATED} values are HubSpot's own.
 */
final class HubSpotHistory {

    /** Inputs HubSpot takes in one batch read with property histories. */
    static final int MAX_IDS = 50;

    private HubSpotHistory() {
    }

    static CrmRequest request(String objectsPath, List<String> ids, List<String> properties, int max) {
        if (ids.size() > max) {
            throw new IllegalArgumentException("HubSpot batch read takes at most " + max + " ids, got " + ids.size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inputs", ids.stream().map(id -> Map.of("id", id)).toList());
        body.put("properties", List.of(HubSpotSearch.OBJECT_ID));
        body.put("propertiesWithHistory", properties);
        return CrmRequest.post(objectsPath + "/batch/read", body);
    }

    static Map<String, List<PropertyChange>> changes(Object answer, String ownAppId) {
        Map<String, List<PropertyChange>> out = new LinkedHashMap<>();
        if (!(answer instanceof Map<?, ?> map) || !(map.get("results") instanceof List<?> results)) {
            return out;
        }
        for (Object r : results) {
            if (!(r instanceof Map<?, ?> record) || record.get("id") == null) {
                continue;
            }
            List<PropertyChange> changes = new ArrayList<>();
            if (record.get("propertiesWithHistory") instanceof Map<?, ?> history) {
                history.forEach((property, versions) -> {
                    if (versions instanceof List<?> list) {
                        list.stream().filter(Map.class::isInstance)
                                .forEach(v -> changes.add(change(String.valueOf(property), (Map<?, ?>) v, ownAppId)));
                    }
                });
            }
            changes.sort((a, b) -> compareNewestFirst(a, b));
            out.put(String.valueOf(record.get("id")), changes);
        }
        return out;
    }

    private static int compareNewestFirst(PropertyChange a, PropertyChange b) {
        if (a.at() == null || b.at() == null) {
            return a.at() == null ? (b.at() == null ? 0 : 1) : -1;
        }
        return b.at().compareTo(a.at());
    }

    private static PropertyChange change(String property, Map<?, ?> version, String ownAppId) {
        String type = text(version.get("sourceType"));
        String sourceId = text(version.get("sourceId"));
        String user = text(version.get("updatedByUserId"));
        return new PropertyChange(property, text(version.get("value")), Timestamps.parse(version.get("timestamp")),
                source(type, sourceId, ownAppId), sourceId, user);
    }

    static PropertyChange.Source source(String type, String sourceId, String ownAppId) {
        if (type == null) {
            return PropertyChange.Source.OTHER;
        }
        return switch (type) {
            case "INTEGRATION", "API" -> ownAppId != null && ownAppId.equals(sourceId) ? PropertyChange.Source.BRIDGE
                    : PropertyChange.Source.OTHER;
            case "CRM_UI", "MOBILE_IOS", "MOBILE_ANDROID", "EMAIL", "SALES" -> PropertyChange.Source.PERSON;
            case "CALCULATED" -> PropertyChange.Source.SYSTEM;
            default -> PropertyChange.Source.OTHER;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
