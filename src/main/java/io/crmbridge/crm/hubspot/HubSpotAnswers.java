package io.crmbridge.crm.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.crm.CrmOwner;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.ListPage;
import io.crmbridge.crm.RemovedRecord;
import io.crmbridge.model.Timestamps;

/** HubSpot's answers read: {@code results}, {@code errors}, {@code paging}, a record's {@code properties}. */
final class HubSpotAnswers {

    /** The property that lists the ids merged into a contact. */
    static final String MERGED_IDS = "hs_merged_object_ids";

    private HubSpotAnswers() {
    }


    static List<CrmRecord> records(String object, Object answer) {
        if (answer instanceof Map<?, ?> map && map.get("results") instanceof List<?> results) {
            return results.stream().filter(Map.class::isInstance).map(r -> record(object, r)).toList();
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    static CrmRecord record(String object, Object answer) {
        if (!(answer instanceof Map<?, ?> map) || map.get("id") == null) {
            return null;
        }
        Map<String, Object> raw = (Map<String, Object>) map;
        Map<String, Object> properties = raw.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Instant modified = Timestamps.parse(properties.get(HubSpotSearch.modificationProperty(object)));
        if (modified == null) {
            modified = Timestamps.parse(raw.get("updatedAt"));
        }
        return new CrmRecord(String.valueOf(raw.get("id")), Timestamps.parse(raw.get("createdAt")), modified, properties, raw);
    }

    static Map<String, Boolean> propertyNames(Object answer) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        if (answer instanceof Map<?, ?> map && map.get("results") instanceof List<?> results) {
            results.stream().filter(Map.class::isInstance).map(r -> (Map<?, ?>) r).filter(r -> r.get("name") != null)
                    .forEach(r -> names.put(String.valueOf(r.get("name")), Boolean.TRUE.equals(r.get("hasUniqueValue"))));
        }
        return names;
    }

    /** A batch answer's per-input errors ({@code errors}) as messages; records not found only when {@code all}. */
    static List<String> errors(Object answer, boolean all) {
        if (answer instanceof Map<?, ?> map && map.get("errors") instanceof List<?> errors) {
            return errors.stream().filter(Map.class::isInstance).map(e -> (Map<?, ?>) e)
                    .filter(e -> all || !"OBJECT_NOT_FOUND".equals(e.get("category")))
                    .map(e -> e.get("category") + ": " + e.get("message")).toList();
        }
        return List.of();
    }

    static List<String> associatedIds(Object answer) {
        if (answer instanceof Map<?, ?> map && map.get("results") instanceof List<?> results) {
            return results.stream().filter(Map.class::isInstance).map(r -> String.valueOf(((Map<?, ?>) r).get("toObjectId")))
                    .toList();
        }
        return List.of();
    }

    static List<CrmOwner> owners(Object answer) {
        List<?> list = answer instanceof Map<?, ?> map && map.get("results") instanceof List<?> results ? results
                : answer instanceof Map<?, ?> one ? List.of(one) : List.of();
        return list.stream().filter(Map.class::isInstance).map(o -> (Map<?, ?>) o)
                .filter(o -> o.get("id") != null)
                .map(o -> new CrmOwner(String.valueOf(o.get("id")), o.get("email") == null ? null : String.valueOf(o.get("email")),
                        !Boolean.TRUE.equals(o.get("archived"))))
                .toList();
    }

    static ListPage<RemovedRecord> archived(Object answer) {
        List<RemovedRecord> removed = new ArrayList<>();
        if (answer instanceof Map<?, ?> map && map.get("results") instanceof List<?> results) {
            for (Object r : results) {
                if (r instanceof Map<?, ?> record && record.get("id") != null) {
                    Instant at = Timestamps.parse(record.get("archivedAt"));
                    removed.add(new RemovedRecord(String.valueOf(record.get("id")), at != null ? at : Timestamps.parse(record.get("updatedAt"))));
                }
            }
        }
        String next = answer instanceof Map<?, ?> map && map.get("paging") instanceof Map<?, ?> paging
                && paging.get("next") instanceof Map<?, ?> n && n.get("after") != null ? String.valueOf(n.get("after")) : null;
        return new ListPage<>(removed, next);
    }

    /** HubSpot lists the ids merged into a contact in {@code hs_merged_object_ids}, separated by semicolons. */
    static List<String> mergedIds(CrmRecord record) {
        Object ids = record.property(MERGED_IDS);
        if (ids == null || ids.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.toString().split(";")).map(String::trim).filter(id -> !id.isEmpty())
                .filter(id -> !id.equals(record.id())).toList();
    }
}
