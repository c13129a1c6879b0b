package io.crmbridge.crm.clio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.CrmRequest;

/**
 * The requests of Clio's Manage API v4 resources: change listings, list filters standing in for searches, reads by
 * ids, creates, updates, relationship-field links and users. Paths are relative to the API base ({@code .../api/v4}).
 */
final class ClioRequests {

    /** Clio's listing limit. */
    static final int MAX_LIMIT = 200;

    private ClioRequests() {
    }

    /**
     * {@code GET {resource}?updated_since=...&order=id(asc)&limit=...&fields=...}: Clio orders contacts only by id,
     * name or shared_at (tasks have no {@code updated_at} order at all), so changes are listed in {@code id(asc)}
     * order, the one order Clio pages by cursor, from one millisecond after the cursor ({@code updated_since} is
     * inclusive), following {@code meta.paging.next} to the end ({@link ClioConnector#sweepsChangesById()}). A tie
     * group is read the same way from its time.
     */
    static CrmRequest changed(ChangeQuery query) {
        if (query.pageToken() != null) {
            return ClioPaging.nextRequest(query.pageToken());
        }
        List<String> params = new ArrayList<>();
        typeFilter(query.object()).ifPresent(params::add);
        if (query.mode() == ChangeQuery.Mode.TIE_GROUP) {
            params.add("updated_since=" + encode(query.at().toString()));
        } else if (query.at() != null) {
            params.add("updated_since=" + encode(query.at().plus(1, ChronoUnit.MILLIS).toString()));
        }
        params.add("order=" + encode("id(asc)"));
        params.add("limit=" + Math.min(query.limit(), MAX_LIMIT));
        params.add("fields=" + encode(ClioShapes.fields(query.object(), query.properties())));
        return CrmRequest.get(resource(query.object()), String.join("&", params));
    }

    /** One-record listings: the poll's order alone, then each property's field selector alone. */
    static Map<String, CrmRequest> contractChecks(String object, List<String> properties) {
        Map<String, CrmRequest> checks = new LinkedHashMap<>();
        String type = typeFilter(object).map(t -> t + "&").orElse("");
        checks.put("order:id(asc)", CrmRequest.get(resource(object), type + "order=" + encode("id(asc)")
                + "&limit=1&fields=id"));
        for (String property : properties) {
            String selector = ClioShapes.fields(object, List.of(property));
            checks.put("field:" + property, CrmRequest.get(resource(object), type + "limit=1&fields=" + encode(selector)));
        }
        return checks;
    }

    /** A {@code query} list filter: Clio cannot search by a property, the caller compares exactly. */
    static CrmRequest searchEquals(String object, String property, String value, List<String> properties) {
        List<String> read = new ArrayList<>(properties);
        if (!read.contains(property)) {
            read.add(property);
        }
        List<String> params = new ArrayList<>();
        typeFilter(object).ifPresent(params::add);
        params.add("query=" + encode(value));
        params.add("limit=" + MAX_LIMIT);
        params.add("fields=" + encode(ClioShapes.fields(object, read)));
        return CrmRequest.get(resource(object), String.join("&", params));
    }

    static CrmRequest read(String object, String id, List<String> properties) {
        return CrmRequest.get(one(object, id), "fields=" + encode(ClioShapes.fields(object, properties)));
    }

    /** A batch read by id is a list filtered by {@code ids[]}: one call for up to {@link #MAX_LIMIT} records. */
    static CrmRequest readByIds(String object, List<?> inputs, List<String> properties) {
        if (inputs.size() > MAX_LIMIT) {
            throw new IllegalArgumentException("Clio lists at most " + MAX_LIMIT + " records a call, got " + inputs.size());
        }
        List<String> params = new ArrayList<>();
        typeFilter(object).ifPresent(params::add);
        inputs.forEach(input -> params.add(encode("ids[]") + "=" + encode(ClioLinks.id(input))));
        params.add("limit=" + MAX_LIMIT);
        params.add("fields=" + encode(ClioShapes.fields(object, properties)));
        return CrmRequest.get(resource(object), String.join("&", params));
    }

    /** A note or task the bridge made, by its key at the end of its subject or name: a {@code query} list filter. */
    static CrmRequest noteByKey(String object, String key, List<String> properties) {
        List<String> read = new ArrayList<>(properties);
        read.remove(BridgeProperty.KEY);
        read.add(ClioShapes.keyHolder(object));
        // Clio lists notes of one type at a time (type is required): the bridge writes a note onto the event's matter
        String type = "notes".equals(object) ? "type=Matter&" : "";
        return CrmRequest.get(resource(object), type + "query=" + encode(key) + "&limit=" + MAX_LIMIT + "&fields="
                + encode(ClioShapes.fields(object, read)));
    }

    static CrmRequest create(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        return CrmRequest.post(resource(object), ClioShapes.body(object, properties, linkTo == null ? Map.of() : linkTo));
    }

    /**
     * {@code PATCH {resource}/{id}.json}, with {@code If-Match: <etag>} when there is a version: the version also
     * names the record's primary email, phone and web-site items ({@link ClioVersion}), which the write then changes
     * in place instead of adding an item.
     */
    static CrmRequest update(String object, String id, Map<String, Object> properties, String version) {
        ClioVersion read = ClioVersion.parse(version);
        return new CrmRequest("PATCH", one(object, id), null, ClioShapes.body(object, properties, null, read.items()),
                read.etag());
    }

    /** The associations Clio has are relationship fields: a person's company, a matter's client. */
    static CrmRequest associate(String fromObject, String fromId, String toObject, String toId) {
        String field = ClioLinks.field(fromObject, toObject);
        Map<String, Object> data = new LinkedHashMap<>();
        ClioShapes.putRef(data, field, toId);
        // the link is a write to the record: its answer says when, so the loop guard knows this change as the bridge's
        return new CrmRequest("PATCH", one(fromObject, fromId), "fields=" + encode(String.join(",", ClioShapes.ID,
                ClioShapes.ETAG, ClioShapes.UPDATED)), Map.of("data", data));
    }

    static CrmRequest owner(String id) {
        return CrmRequest.get("/users/" + encode(id) + ".json", "fields=" + encode(ClioUsers.FIELDS));
    }

    /** Clio's users list has no email filter: the users (a firm has fewer than 200), compared by the caller. */
    static CrmRequest users() {
        return CrmRequest.get("/users.json", "limit=" + MAX_LIMIT + "&fields=" + encode(ClioUsers.FIELDS));
    }

    /** The resource path of an object: {@code /contacts.json}, {@code /matters.json}, ... */
    static String resource(String object) {
        return "/" + ClioLinks.resourceName(object) + ".json";
    }

    static String one(String object, String id) {
        return "/" + ClioLinks.resourceName(object) + "/" + encode(id) + ".json";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<String> typeFilter(String object) {
        String type = ClioShapes.contactType(object);
        return type == null ? Optional.empty() : Optional.of("type=" + type);
    }
}
