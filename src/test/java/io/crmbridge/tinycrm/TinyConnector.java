package io.crmbridge.tinycrm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.crmbridge.crm.BatchOperation;
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
import io.crmbridge.crm.Owners;
import io.crmbridge.crm.RecordReads;
import io.crmbridge.crm.RecordWrites;

/**
 * The connector of connection kind {@code tiny}: the in-test {@link TinyCrmServer}. It takes the roles the flows need
 * (change feed, reads, writes, links, owners, and an error policy that does not resend a plain create) and declares
 * one capability, owners: no batch, no upsert or read by a unique property, no property history (the loop guard works
 * from origin stamps), no archived records, no properties of the bridge's own. Searches are list filters compared
 * exactly; after a lost answer a record is found again by search before create, a note by the key it keeps as a plain
 * property.
 */
@ApplicationScoped
public class TinyConnector implements CrmConnector, ChangeFeed, RecordReads, RecordWrites, Links, Owners, ErrorPolicy {

    static final String KIND = "tiny";

    private static final Map<String, Map<String, FieldSpec>> FIELDS = Map.of(
            "contacts", ordered(
                    "email", FieldSpec.string("email"),
                    "first-name", FieldSpec.string("first_name"),
                    "last-name", FieldSpec.string("last_name"),
                    "phone", FieldSpec.string("phone"),
                    "company-name", FieldSpec.string("company"),
                    "website", FieldSpec.string("website"),
                    "lifecycle-stage", FieldSpec.string("stage"),
                    "owner", FieldSpec.string("owner_id")),
            "companies", ordered(
                    "domain", FieldSpec.string("domain"),
                    "name", FieldSpec.string("name"),
                    "owner", FieldSpec.string("owner_id")),
            "deals", ordered(
                    "name", FieldSpec.string("name"),
                    "pipeline", FieldSpec.string("pipeline"),
                    "stage", FieldSpec.string("stage"),
                    "amount", FieldSpec.number("amount"),
                    "owner", FieldSpec.string("owner_id")),
            "notes", ordered(
                    "subject", FieldSpec.string("subject"),
                    "body", FieldSpec.string("body"),
                    "timestamp", FieldSpec.date("at")),
            "tasks", ordered(
                    "subject", FieldSpec.string("subject"),
                    "body", FieldSpec.string("body"),
                    "status", FieldSpec.string("status"),
                    "priority", FieldSpec.string("priority"),
                    "timestamp", FieldSpec.date("due"),
                    "owner", FieldSpec.string("owner_id")),
            "tickets", ordered(
                    "subject", FieldSpec.string("subject"),
                    "body", FieldSpec.string("body"),
                    "pipeline", FieldSpec.string("pipeline"),
                    "stage", FieldSpec.string("stage"),
                    "owner", FieldSpec.string("owner_id")));

    @Override
    public String kind() {
        return KIND;
    }

    /** The tiny CRM takes a static token only. */
    @Override
    public String defaultTokenPath() {
        return "/oauth/token";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.OWNERS);
    }

    @Override
    public int maxBatchSize() {
        return 1;
    }

    @Override
    public Map<String, FieldSpec> defaultFieldMap(String object) {
        return FIELDS.getOrDefault(object, Map.of());
    }

    /** Every answer holds the whole record: nothing to ask for. */
    @Override
    public List<String> systemProperties(String object) {
        return List.of();
    }

    // --- requests ---

    @Override
    public CrmRequest searchChanged(ChangeQuery query) {
        List<String> params = new ArrayList<>();
        if (query.mode() == ChangeQuery.Mode.TIE_GROUP) {
            params.add("at=" + encode(query.at().toString()));
            if (query.afterId() != null) {
                params.add("afterId=" + encode(query.afterId()));
            }
        } else {
            if (query.at() != null) {
                params.add("after=" + encode(query.at().toString()));
            }
            if (query.settledBefore() != null) {
                params.add("before=" + encode(query.settledBefore().toString()));
            }
        }
        params.add("limit=" + query.limit());
        return CrmRequest.get("/" + query.object() + "/changes", String.join("&", params));
    }

    @Override
    public CrmRequest searchEquals(String object, String property, String value, List<String> properties) {
        return CrmRequest.get("/" + object, encode(property) + "=" + encode(value) + "&limit=" + TinyStore.MAX_LIMIT);
    }

    @Override
    public CrmRequest searchIn(String object, String property, Collection<String> values, List<String> properties) {
        if (values.size() != 1) {
            throw unsupported("a search for " + values.size() + " values in one call");
        }
        return searchEquals(object, property, values.iterator().next(), properties);
    }

    @Override
    public int maxSearchResults() {
        return TinyStore.MAX_LIMIT;
    }

    @Override
    public CrmRequest read(String object, String id, String idProperty, List<String> properties) {
        if (idProperty != null) {
            throw unsupported("read by unique property " + idProperty);
        }
        return CrmRequest.get("/" + object + "/" + encode(id), null);
    }

    @Override
    public CrmRequest create(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("properties", properties);
        body.put("links", linkTo == null ? Map.of() : linkTo);
        return CrmRequest.post("/" + object, body);
    }

    @Override
    public CrmRequest createMany(String object, List<Map<String, Object>> properties, List<Map<String, String>> linkTo,
            List<String> refs) {
        if (properties.size() != 1) {
            throw unsupported("batch create");
        }
        return create(object, properties.get(0), linkTo.get(0));
    }

    @Override
    public CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties) {
        if (idProperty != null) {
            throw unsupported("update by unique property " + idProperty);
        }
        return new CrmRequest("PATCH", "/" + object + "/" + encode(id), null, Map.of("properties", properties));
    }

    /** Only a read by ids, as a list filter. */
    @Override
    public CrmRequest batch(String object, BatchOperation operation, List<?> inputs, String idProperty,
            List<String> properties) {
        if (operation != BatchOperation.READ || idProperty != null) {
            throw unsupported("batch " + operation.name().toLowerCase(Locale.ROOT));
        }
        List<String> ids = inputs.stream().map(TinyConnector::id).toList();
        return CrmRequest.get("/" + object, "ids=" + encode(String.join(",", ids)));
    }

    @Override
    public CrmRequest upsert(String object, String idProperty, Map<String, Map<String, Object>> byKey) {
        throw unsupported("upsert by unique property " + idProperty);
    }

    /** A note the bridge made, by the key it keeps as a plain property: a list filter. Nothing else is read by key. */
    @Override
    public CrmRequest readByKey(String object, String idProperty, List<String> values, List<String> properties) {
        if (!keepsKeyOf(object) || !BridgeProperty.KEY.equals(idProperty) || values.size() != 1) {
            throw unsupported("read by unique property " + idProperty);
        }
        return searchEquals(object, idProperty, values.get(0), properties);
    }

    @Override
    public boolean keepsKeyOf(String object) {
        return "notes".equals(object);
    }

    /** Any two records can be linked. */
    @Override
    public boolean canAssociate(String fromObject, String toObject) {
        return true;
    }

    @Override
    public CrmRequest associate(String fromObject, String fromId, String toObject, String toId) {
        return new CrmRequest("PUT", "/" + fromObject + "/" + encode(fromId) + "/links/" + toObject + "/" + encode(toId),
                null, null);
    }

    @Override
    public CrmRequest associateBatch(String fromObject, String toObject, List<?> pairs) {
        if (pairs.size() != 1 || !(pairs.get(0) instanceof Map<?, ?> pair)) {
            throw unsupported("batch associations");
        }
        return associate(fromObject, id(pair.get("from")), toObject, id(pair.get("to")));
    }

    @Override
    public CrmRequest listAssociations(String fromObject, String fromId, String toObject) {
        return CrmRequest.get("/" + fromObject + "/" + encode(fromId) + "/links/" + toObject, null);
    }

    @Override
    public CrmRequest owner(String id) {
        return CrmRequest.get("/owners/" + encode(id), null);
    }

    @Override
    public CrmRequest ownersByEmail(String email) {
        return CrmRequest.get("/owners", "email=" + encode(email));
    }

    // --- answers ---

    @Override
    public List<CrmRecord> records(String object, CrmAnswer answer) {
        if (answer.get("results") instanceof List<?> results) {
            return results.stream().map(TinyConnector::toRecord).toList();
        }
        CrmRecord one = record(object, answer);
        return one == null ? List.of() : List.of(one);
    }

    @Override
    public CrmRecord record(String object, CrmAnswer answer) {
        return answer.get("id") != null && answer.object().containsKey("properties") ? toRecord(answer.object()) : null;
    }

    /** The records of a list answer whose property equals one of the keys, compared without case. */
    @Override
    public CrmAnswer batchShare(String object, CrmAnswer answer, String keyProperty, Collection<String> keys) {
        if (!(answer.get("results") instanceof List<?> results)) {
            return answer;
        }
        List<String> wanted = keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        List<Object> share = results.stream().filter(r -> r instanceof Map<?, ?> rec
                && rec.get("properties") instanceof Map<?, ?> properties && properties.get(keyProperty) != null
                && wanted.contains(String.valueOf(properties.get(keyProperty)).toLowerCase(Locale.ROOT)))
                .map(r -> (Object) r).toList();
        return CrmAnswer.of(Map.of("results", share));
    }

    @Override
    public CrmAnswer associationShare(CrmAnswer answer, String fromId, String toId) {
        return answer;
    }

    @Override
    public List<String> associatedIds(CrmAnswer answer) {
        return answer.list("ids").stream().map(String::valueOf).toList();
    }

    @Override
    public List<CrmOwner> owners(CrmAnswer answer) {
        List<?> list = answer.get("results") instanceof List<?> results ? results
                : answer.get("id") != null ? List.of(answer.object()) : List.of();
        return list.stream().map(o -> (Map<?, ?>) o).map(o -> new CrmOwner(String.valueOf(o.get("id")),
                String.valueOf(o.get("email")), Boolean.TRUE.equals(o.get("active")))).toList();
    }

    /** The tiny CRM sends no rate-limit headers; a 429 says Retry-After. */
    @Override
    public Optional<Duration> exhaustedWindow(Function<String, String> responseHeader) {
        return Optional.empty();
    }

    // --- helpers ---

    @SuppressWarnings("unchecked")
    private static CrmRecord toRecord(Object value) {
        Map<String, Object> map = (Map<String, Object>) value;
        Map<String, Object> properties = map.get("properties") instanceof Map<?, ?> p
                ? new LinkedHashMap<>((Map<String, Object>) p) : new LinkedHashMap<>();
        return new CrmRecord(String.valueOf(map.get("id")), instant(map.get("createdAt")), instant(map.get("updatedAt")),
                properties, map);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(String.valueOf(value));
    }

    /** An input's id: {@code {id: ..}} or the id itself. */
    private static String id(Object input) {
        return input instanceof Map<?, ?> map ? String.valueOf(map.get("id")) : String.valueOf(input);
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("the tiny connector has no " + what + " (see capabilities())");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, FieldSpec> ordered(Object... pairs) {
        Map<String, FieldSpec> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (FieldSpec) pairs[i + 1]);
        }
        return map;
    }
}
