package io.crmbridge.crm.hubspot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.crmbridge.crm.ArchivedRecords;
import io.crmbridge.crm.BatchOperation;
import io.crmbridge.crm.BridgeProperties;
import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.Capability;
import io.crmbridge.crm.ChangeFeed;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnector;
import io.crmbridge.crm.CrmOwner;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.CrmRequest;
import io.crmbridge.crm.ErrorPolicy;
import io.crmbridge.crm.FieldSpec;
import io.crmbridge.crm.Links;
import io.crmbridge.crm.ListPage;
import io.crmbridge.crm.Owners;
import io.crmbridge.crm.PropertyChange;
import io.crmbridge.crm.PropertyHistory;
import io.crmbridge.crm.RecordReads;
import io.crmbridge.crm.RecordWrites;
import io.crmbridge.crm.RemovedRecord;

/**
 * HubSpot CRM v3 objects, v4 associations and v3 owners, as HubSpot's published specs describe them: every path,
 * property name, association type, search shape and rate-limit header of HubSpot lives in this package.
 */
@ApplicationScoped
public class HubSpotConnector implements CrmConnector, ChangeFeed, PropertyHistory, ArchivedRecords, RecordReads,
        RecordWrites, Links, Owners, BridgeProperties, ErrorPolicy {

    static final String MERGED_IDS = "hs_merged_object_ids";

    /** HubSpot's public API hosts (the global one and the EU data centre's). */
    private static final List<String> API_HOSTS = List.of("https://api.hubapi.com", "https://api-eu1.hubapi.com");

    /** HubSpot's default association type ids from a note or a task to a contact, a company and a deal. */
    private static final Map<String, Map<String, Integer>> ENGAGEMENT_TYPES = Map.of(
            "notes", Map.of("contacts", 202, "companies", 190, "deals", 214, "tickets", 228),
            "tasks", Map.of("contacts", 204, "companies", 192, "deals", 216, "tickets", 230));

    @Override
    public String kind() {
        return "hubspot";
    }

    @Override
    public String defaultTokenPath() {
        return "/oauth/v1/token";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEARCH_BY_PROPERTY, Capability.BATCH, Capability.KEYED_UPSERT,
                Capability.BRIDGE_PROPERTIES, Capability.PROPERTY_HISTORY, Capability.ARCHIVED_NOTICES,
                Capability.MERGE_NOTICES, Capability.ASSOCIATIONS_API, Capability.OWNERS, Capability.RATE_LIMIT_HEADERS);
    }

    @Override
    public boolean canAssociate(String fromObject, String toObject) {
        return true;
    }

    @Override
    public int maxBatchSize() {
        return 100;
    }

    @Override
    public Map<String, FieldSpec> defaultFieldMap(String object) {
        return HubSpotFields.of(object);
    }

    @Override
    public List<String> systemProperties(String object) {
        return List.of(HubSpotSearch.OBJECT_ID, HubSpotSearch.modificationProperty(object), "createdate");
    }

    // --- requests ---

    @Override
    public CrmRequest searchChanged(ChangeQuery query) {
        return CrmRequest.post(objects(query.object()) + "/search", HubSpotSearch.changed(query));
    }

    @Override
    public CrmRequest readHistory(String object, List<String> ids, List<String> properties) {
        return HubSpotHistory.request(objects(object), ids, properties, maxBatchSize());
    }

    @Override
    public CrmRequest listArchived(String object, String after, int limit) {
        String query = "archived=true&limit=" + Math.min(limit, 100) + (after == null ? "" : "&after=" + encode(after));
        return CrmRequest.get(objects(object), query);
    }

    @Override
    public List<String> noticeProperties(String object) {
        return "contacts".equals(object) ? List.of(MERGED_IDS) : List.of();
    }

    @Override
    public CrmRequest searchEquals(String object, String property, String value, List<String> properties) {
        return CrmRequest.post(objects(object) + "/search", HubSpotSearch.equal(property, value, properties));
    }

    @Override
    public CrmRequest searchIn(String object, String property, Collection<String> values,
            List<String> properties) {
        List<String> read = new ArrayList<>(properties);
        if (!read.contains(property)) {
            read.add(property);
        }
        return CrmRequest.post(objects(object) + "/search", HubSpotSearch.in(property, values, read));
    }

    @Override
    public int maxSearchResults() {
        return HubSpotSearch.MAX_LIMIT;
    }

    @Override
    public CrmRequest read(String object, String id, String idProperty, List<String> properties) {
        String query = join(properties.isEmpty() ? null : "properties=" + encode(String.join(",", properties)),
                idPropertyQuery(idProperty));
        return CrmRequest.get(objects(object) + "/" + encode(id), query);
    }

    @Override
    public CrmRequest create(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("properties", properties);
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
    @Override
    @SuppressWarnings("unchecked")
    public CrmRequest createMany(String object, List<Map<String, Object>> properties, List<Map<String, String>> linkTo,
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

    @Override
    public CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties) {
        return new CrmRequest("PATCH", objects(object) + "/" + encode(id), idPropertyQuery(idProperty),
                Map.of("properties", properties));
    }

    @Override
    public CrmRequest batch(String object, BatchOperation operation, List<?> inputs, String idProperty,
            List<String> properties) {
        if (inputs.size() > maxBatchSize()) {
            throw new IllegalArgumentException("HubSpot batch " + operation + " takes at most " + maxBatchSize()
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
        return CrmRequest.post(objects(object) + "/batch/" + operation.name().toLowerCase(java.util.Locale.ROOT), body);
    }

    @Override
    public CrmRequest upsert(String object, String idProperty, Map<String, Map<String, Object>> byKey) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        byKey.forEach((key, properties) -> inputs.add(Map.of("idProperty", idProperty, "id", key,
                "properties", properties)));
        return batch(object, BatchOperation.UPSERT, inputs, null, List.of());
    }

    @Override
    public CrmRequest readByKey(String object, String idProperty, List<String> values, List<String> properties) {
        List<Map<String, Object>> inputs = values.stream().map(v -> Map.<String, Object>of("id", v)).toList();
        List<String> read = new ArrayList<>(properties);
        if (!read.contains(idProperty)) {
            read.add(idProperty);
        }
        return batch(object, BatchOperation.READ, inputs, idProperty, read);
    }

    @Override
    public CrmRequest listProperties(String object) {
        return CrmRequest.get("/crm/v3/properties/" + object, null);
    }

    /** HubSpot's property groups that every account has, one per object. */
    private static final Map<String, String> PROPERTY_GROUPS = Map.of("contacts", "contactinformation",
            "companies", "companyinformation", "deals", "dealinformation", "tickets", "ticketinformation",
            "notes", "engagement", "tasks", "engagement");

    @Override
    public CrmRequest createProperty(String object, BridgeProperty property) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", property.name());
        body.put("label", property.label());
        body.put("type", property.type() == BridgeProperty.Type.NUMBER ? "number" : "string");
        body.put("fieldType", property.type() == BridgeProperty.Type.NUMBER ? "number" : "text");
        body.put("groupName", PROPERTY_GROUPS.getOrDefault(object, "engagement"));
        body.put("description", "Written by crm-bridge; do not edit.");
        body.put("hasUniqueValue", property.unique());
        body.put("formField", false);
        return CrmRequest.post("/crm/v3/properties/" + object, body);
    }

    @Override
    public String createPermission(String object) {
        return "scope crm.schemas." + object + ".write";
    }

    @Override
    public CrmRequest associate(String fromObject, String fromId, String toObject, String toId) {
        return new CrmRequest("PUT", "/crm/v4/objects/" + fromObject + "/" + encode(fromId) + "/associations/default/"
                + toObject + "/" + encode(toId), null, null);
    }

    @Override
    public CrmRequest associateBatch(String fromObject, String toObject, List<?> pairs) {
        return CrmRequest.post("/crm/v4/associations/" + fromObject + "/" + toObject + "/batch/associate/default",
                Map.of("inputs", pairs));
    }

    @Override
    public CrmRequest listAssociations(String fromObject, String fromId, String toObject) {
        return CrmRequest.get("/crm/v4/objects/" + fromObject + "/" + encode(fromId) + "/associations/" + toObject,
                "limit=500");
    }

    @Override
    public CrmRequest owner(String id) {
        return CrmRequest.get("/crm/v3/owners/" + encode(id), null);
    }

    @Override
    public CrmRequest ownersByEmail(String email) {
        return CrmRequest.get("/crm/v3/owners", "email=" + encode(email) + "&limit=10");
    }

    // --- the contract probe ---

    /**
     * One record by listing (GET, limit 1) with the mapped properties and those HubSpot returns by default, so that a
     * property the map no longer names but the CRM fills shows up as unknown.
     */
    @Override
    public CrmRequest sampleRecord(String object, List<String> properties) {
        java.util.Set<String> read = new java.util.LinkedHashSet<>(properties);
        read.addAll(HubSpotFields.returnedByDefault(object));
        return CrmRequest.get(objects(object), "limit=1&properties=" + encode(String.join(",", read)));
    }

    /** HubSpot's API hosts: a configured HubSpot host that fails is checked against the others. */
    @Override
    public List<String> alternativeBaseUrls(String configuredBaseUrl) {
        String configured = configuredBaseUrl.replaceAll("/+$", "");
        if (!configured.matches("https://[a-z0-9.-]+\\.(hubapi|hubspot)\\.com")) {
            return List.of();
        }
        return API_HOSTS.stream().filter(host -> !host.equals(configured)).toList();
    }

    /** HubSpot sends every property value as text. */
    @Override
    public boolean typedValues() {
        return false;
    }

    // --- answers ---

    @Override
    public List<CrmRecord> records(String object, CrmAnswer answer) {
        return HubSpotAnswers.records(object, answer.json());
    }

    @Override
    public CrmRecord record(String object, CrmAnswer answer) {
        return HubSpotAnswers.record(object, answer.json());
    }

    @Override
    public Map<String, Boolean> propertyNames(CrmAnswer answer) {
        return HubSpotAnswers.propertyNames(answer.json());
    }

    @Override
    public List<String> inputErrors(CrmAnswer answer) {
        return HubSpotAnswers.errors(answer.json(), true);
    }

    @Override
    public List<String> batchErrors(CrmAnswer answer) {
        return HubSpotAnswers.errors(answer.json(), false);
    }

    @Override
    public CrmAnswer batchShare(String object, CrmAnswer answer, String keyProperty, Collection<String> keys) {
        return CrmAnswer.of(HubSpotBatchShare.of(answer.json(), keyProperty, keys));
    }

    @Override
    public CrmAnswer associationShare(CrmAnswer answer, String fromId, String toId) {
        return CrmAnswer.of(HubSpotBatchShare.ofPair(answer.json(), fromId, toId));
    }

    @Override
    public List<String> associatedIds(CrmAnswer answer) {
        return HubSpotAnswers.associatedIds(answer.json());
    }

    @Override
    public List<CrmOwner> owners(CrmAnswer answer) {
        return HubSpotAnswers.owners(answer.json());
    }

    @Override
    public Map<String, List<PropertyChange>> history(String object, CrmAnswer answer, String ownAppId) {
        return HubSpotHistory.changes(answer.json(), ownAppId);
    }

    @Override
    public ListPage<RemovedRecord> archived(CrmAnswer answer) {
        return HubSpotAnswers.archived(answer.json());
    }

    /** HubSpot lists the ids merged into a contact in {@code hs_merged_object_ids}, separated by semicolons. */
    @Override
    public List<String> mergedIds(String object, CrmRecord record) {
        Object ids = record.property(MERGED_IDS);
        if (ids == null || ids.toString().isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(ids.toString().split(";")).map(String::trim).filter(id -> !id.isEmpty())
                .filter(id -> !id.equals(record.id())).toList();
    }

    /**
     * Any HubSpot call may go out again after an unclear answer: its searches and batch reads are POSTs that change
     * nothing, and its record writes are upserts by the bridge's unique key where provisioning made one. A plain
     * create on an object without that key is resent too.
     */
    @Override
    public boolean resendable(String method, String path) {
        return true;
    }

    // --- responses ---

    /** HubSpot's token endpoint refuses credentials with its own codes: {@code BAD_REFRESH_TOKEN}, {@code BAD_CLIENT_ID}, ... */
    private static final java.util.regex.Pattern TOKEN_REJECTION = java.util.regex.Pattern.compile("\\bBAD_[A-Z_]+");

    @Override
    public boolean rejectsCredentials(String tokenError) {
        return tokenError != null && TOKEN_REJECTION.matcher(tokenError).find();
    }

    /**
     * HubSpot's rate-limit headers on any answer: when {@code X-HubSpot-RateLimit-Remaining} reaches 0, the interval
     * to wait before the window has room again ({@code X-HubSpot-RateLimit-Interval-Milliseconds}).
     */
    @Override
    public Optional<Duration> exhaustedWindow(Function<String, String> responseHeader) {
        String remaining = responseHeader.apply("X-HubSpot-RateLimit-Remaining");
        String interval = responseHeader.apply("X-HubSpot-RateLimit-Interval-Milliseconds");
        if (remaining == null || interval == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(remaining.trim()) > 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.max(0, Math.min(Long.parseLong(interval.trim()), 60_000))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // --- helpers ---

    private static String objects(String object) {
        return "/crm/v3/objects/" + object;
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

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
