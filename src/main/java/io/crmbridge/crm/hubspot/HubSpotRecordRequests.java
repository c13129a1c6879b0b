package io.crmbridge.crm.hubspot;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.crmbridge.crm.BatchOperation;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.CrmRequest;

/**
 * The requests of HubSpot's CRM v3 objects API: reads, searches, creates, updates, batches and upserts of records, and
 * the lists of archived ones.
 */
final class HubSpotRecordRequests {

    /** Inputs one HubSpot batch call takes at most. */
    static final int MAX_BATCH = 100;

    /** HubSpot's default association type ids from a note or a task to a contact, a company, a deal and a ticket. */
    private static final Map<String, Map<String, Integer>> ENGAGEMENT_TYPES = Map.of(
            "notes", Map.of("contacts", 202, "companies", 190, "deals", 214, "tickets", 228),
            "tasks", Map.of("contacts", 204, "companies", 192, "deals", 216, "tickets", 230));

    private static final java.util.regex.Pattern CREATE = java.util.regex.Pattern
            .compile("/crm/v3/objects/([^/?]+)(/batch/create)?/?");

    private HubSpotRecordRequests() {
    }

    static CrmRequest searchChanged(ChangeQuery query) {
        return CrmRequest.post(objects(query.object()) + "/search", HubSpotSearch.changed(query));
    }

    static CrmRequest listArchived(String object, String after, int limit) {
        String query = "archived=true&limit=" + Math.min(limit, 100) + (after == null ? "" : "&after=" + encode(after));
        return CrmRequest.get(objects(object), query);
    }

    static CrmRequest searchEquals(String object, String property, String value, List<String> properties) {
        return CrmRequest.post(objects(object) + "/search", HubSpotSearch.equal(property, value, properties));
    }

    static CrmRequest searchIn(String object, String property, Collection<String> values, List<String> properties) {
        return CrmRequest.post(objects(object) + "/search", HubSpotSearch.in(property, values, with(properties, property)));
    }

    static CrmRequest read(String object, String id, String idProperty, List<String> properties) {
        String query = join(properties.isEmpty() ? null : "properties=" + encode(String.join(",", properties)),
                idPropertyQuery(idProperty));
        return CrmRequest.get(objects(object) + "/" + encode(id), query);
    }

    static CrmRequest create(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("properties", texts(properties));
        Map<String, Integer> types = ENGAGEMENT_TYPES.getOrDefault(object, Map.of());
        List<Map<String, Object>> associations = new ArrayList<>();
        linkTo.forEach((toObject, toId) -> {
            Integer type = types.get(toObject);
            if (type != null && toId != null) {
                associations.add(Map.of("to", Map.of("id", toId), "types",
                        List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", type))));
            }
        });
        if (!associations.isEmpty()) {
            input.put("associations", associations);
        }
        return CrmRequest.post(objects(object), input);
    }

    /** {@code batch/create}: each input as a single create takes it, with its ref as {@code objectWriteTraceId}. */
    @SuppressWarnings("unchecked")
    static CrmRequest createMany(String object, List<Map<String, Object>> properties, List<Map<String, String>> linkTo,
            List<String> refs) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            Map<String, Object> input = new LinkedHashMap<>((Map<String, Object>) create(object, properties.get(i),
                    linkTo.get(i)).body());
            input.put("objectWriteTraceId", refs.get(i));
            inputs.add(input);
        }
        return batch(object, BatchOperation.CREATE, inputs, null, List.of());
    }

    static CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties) {
        return new CrmRequest("PATCH", objects(object) + "/" + encode(id), idPropertyQuery(idProperty),
                Map.of("properties", texts(properties)));
    }

    static CrmRequest batch(String object, BatchOperation operation, List<?> inputs, String idProperty,
            List<String> properties) {
        if (inputs.size() > MAX_BATCH) {
            throw new IllegalArgumentException("HubSpot batch " + operation + " takes at most " + MAX_BATCH
                    + " inputs, got " + inputs.size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inputs", inputs);
        if (operation == BatchOperation.READ) {
            body.put("properties", properties);
            body.put("propertiesWithHistory", List.of());
            if (idProperty != null) {
                body.put("idProperty", idProperty);
            }
        }
        return CrmRequest.post(objects(object) + "/batch/" + operation.name().toLowerCase(Locale.ROOT), body);
    }

    static CrmRequest upsert(String object, String idProperty, Map<String, Map<String, Object>> byKey) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        byKey.forEach((key, properties) -> inputs.add(Map.of("idProperty", idProperty, "id", key,
                "properties", texts(properties))));
        return batch(object, BatchOperation.UPSERT, inputs, null, List.of());
    }

    static CrmRequest readByKey(String object, String idProperty, List<String> values, List<String> properties) {
        List<Map<String, Object>> inputs = values.stream().map(v -> Map.<String, Object>of("id", v)).toList();
        return batch(object, BatchOperation.READ, inputs, idProperty, with(properties, idProperty));
    }

    /**
     * One record by listing (GET, limit 1) with the mapped properties and those HubSpot returns by default, so that a
     * property the map no longer names but the CRM fills shows up as unknown.
     */
    static CrmRequest sampleRecord(String object, List<String> properties) {
        Set<String> read = new LinkedHashSet<>(properties);
        read.addAll(HubSpotFields.returnedByDefault(object));
        return CrmRequest.get(objects(object), "limit=1&properties=" + encode(String.join(",", read)));
    }

    /**
     * Property values as HubSpot's write bodies take them: every value a string (numbers in plain digits, booleans as
     * {@code true}/{@code false}); an absent value is the empty string, which clears the property.
     */
    static Map<String, Object> texts(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((name, value) -> out.put(name, value == null ? ""
                : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value)));
        return out;
    }

    /**
     * Whether a POST to the path creates records of a type that can hold no unique key on HubSpot (notes, tasks),
     * one ({@code /crm/v3/objects/notes}) or many ({@code /crm/v3/objects/notes/batch/create}).
     */
    static boolean isUnguardedCreate(String path) {
        java.util.regex.Matcher create = path == null ? null : CREATE.matcher(path);
        return create != null && create.matches() && !HubSpotProperties.holdsUniqueValues(create.group(1));
    }

    static String objects(String object) {
        return "/crm/v3/objects/" + object;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> with(List<String> properties, String property) {
        List<String> read = new ArrayList<>(properties);
        if (!read.contains(property)) {
            read.add(property);
        }
        return read;
    }

    private static String idPropertyQuery(String idProperty) {
        return idProperty == null ? null : "idProperty=" + encode(idProperty);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "&" + b;
    }
}
