package io.crmbridge.crm.clio;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crmbridge.connection.ConnectionsConfig;

import io.crmbridge.crm.BatchOperation;
import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.Capability;
import io.crmbridge.crm.ChangeFeed;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmCallException;
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
 * Clio Manage API v4: every path, field shape, filter and rate-limit header of Clio lives in this package. The bridge's
 * objects map onto Clio's resources: contacts and companies are {@code contacts.json} of type Person and Company,
 * deals are {@code matters.json} (client = the person, description = the deal name, stage = status), notes, tasks, and
 * owners are {@code users.json}. Clio has no batch endpoints, no search by property, no property history and no unique
 * custom properties: {@link #capabilities()} says so, {@link #maxBatchSize()} is 1, searches are list filters compared
 * exactly afterwards ({@link #batchShare}), and the calls that need what Clio lacks fail with
 * {@link UnsupportedOperationException} rather than pretend.
 */
@ApplicationScoped
public class ClioConnector implements CrmConnector, ChangeFeed, RecordReads, RecordWrites, Links, Owners, ErrorPolicy {

    static final String API_PATH = "/api/v4";
    /** The Clio API minor version the connector is built and tested against (docs/connectors.md, "Clio"). */
    static final String API_VERSION = "4.0.13";
    static final String API_VERSION_HEADER = "X-API-VERSION";

    @Inject
    ConnectionsConfig config;

    @Override
    public String kind() {
        return "clio";
    }

    /** Clio's token endpoint lives on the region host, beside the API: {@code https://{host}/oauth/token}. */
    @Override
    public String defaultTokenPath() {
        return "/oauth/token";
    }

    @Override
    public Optional<String> baseUrl(String region) {
        return Optional.of(ClioRegion.of(region).apiBase());
    }

    /** The region host the API base belongs to ({@code .../api/v4} cut off), where {@code /oauth/token} is. */
    @Override
    public Optional<String> tokenUrlBase(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base.endsWith(API_PATH) ? Optional.of(base.substring(0, base.length() - API_PATH.length()))
                : Optional.empty();
    }

    /** The other regions' API bases, tried when the configured one fails ({@link ClioRegion#alternatives}). */
    @Override
    public List<String> alternativeBaseUrls(String configuredBaseUrl) {
        return ClioRegion.alternatives(configuredBaseUrl);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.OWNERS, Capability.RATE_LIMIT_HEADERS, Capability.RELATIONSHIP_FIELDS);
    }

    /** A person's company, a matter's client, a note's or task's matter: the relationship fields Clio has. */
    @Override
    public boolean canAssociate(String fromObject, String toObject) {
        return ClioLinks.holds(fromObject, toObject);
    }

    @Override
    public int maxBatchSize() {
        return 1;
    }

    @Override
    public Map<String, FieldSpec> defaultFieldMap(String object) {
        return ClioFields.of(object);
    }

    @Override
    public List<String> systemProperties(String object) {
        return List.of(ClioShapes.ID, ClioShapes.ETAG, ClioShapes.CREATED, ClioShapes.UPDATED);
    }

    // --- requests ---

    /** Records changed after the cursor, in id order, page after page by Clio's next-page links. */
    @Override
    public CrmRequest searchChanged(ChangeQuery query) {
        return ClioRequests.changed(query);
    }

    @Override
    public boolean pagesTieGroupsByToken() {
        return true;
    }

    /** Changes are listed in {@code id(asc)} order (the only cursor-paged order, and contacts have no time order). */
    @Override
    public boolean sweepsChangesById() {
        return true;
    }

    /** {@code meta.paging.next}: the next page's whole URL. */
    @Override
    public String nextPage(CrmAnswer answer) {
        return ClioPaging.next(answer.json());
    }

    /** The order the poll lists by, and each field selector alone, as one-record listings. */
    @Override
    public Map<String, CrmRequest> contractChecks(String object, List<String> properties) {
        return ClioRequests.contractChecks(object, properties);
    }

    /** Clio cannot search by a property: a {@code query} list filter, compared exactly in {@link #batchShare}. */
    @Override
    public CrmRequest searchEquals(String object, String property, String value, List<String> properties) {
        return ClioRequests.searchEquals(object, property, value, properties);
    }

    /** One value a call: Clio's list filters take one query ({@link #maxBatchSize()} 1 keeps the bulk path there). */
    @Override
    public CrmRequest searchIn(String object, String property, Collection<String> values, List<String> properties) {
        if (values.size() != 1) {
            throw new UnsupportedOperationException("Clio searches one value a call, got " + values.size());
        }
        return searchEquals(object, property, values.iterator().next(), properties);
    }

    @Override
    public int maxSearchResults() {
        return ClioRequests.MAX_LIMIT;
    }

    @Override
    public CrmRequest read(String object, String id, String idProperty, List<String> properties) {
        if (idProperty != null) {
            throw unsupported("read by unique property " + idProperty);
        }
        return ClioRequests.read(object, id, properties);
    }

    @Override
    public CrmRequest create(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        return ClioRequests.create(object, properties, linkTo);
    }

    @Override
    public CrmRequest createMany(String object, List<Map<String, Object>> properties, List<Map<String, String>> linkTo,
            List<String> refs) {
        if (properties.size() != 1) {
            throw unsupported("batch create");
        }
        return create(object, properties.get(0), linkTo.get(0));
    }

    /** {@code PATCH {resource}/{id}.json}, unconditional (no etag read). */
    @Override
    public CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties) {
        return update(object, id, idProperty, properties, null);
    }

    /**
     * {@code PATCH {resource}/{id}.json} with {@code If-Match: <etag>} when the decide step read the record's etag:
     * Clio answers 412 if someone changed the record since ({@link ClioErrors}: stale, decided again on a fresh read).
     */
    @Override
    public CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties, String version) {
        if (idProperty != null) {
            throw unsupported("update by unique property " + idProperty);
        }
        return ClioRequests.update(object, id, properties, version);
    }

    /**
     * A record's {@code etag}, read with every record (the {@code fields} selector always asks for it), with the ids of
     * its primary email, phone and web-site items, which an update then changes in place ({@link ClioVersion}).
     */
    @Override
    public String version(CrmRecord record) {
        return ClioShapes.version(record);
    }

    /** The pinned API minor version, or the connection's {@code api-version}. */
    @Override
    public Map<String, String> requestHeaders(String connection) {
        return Map.of(API_VERSION_HEADER, apiVersion(connection));
    }

    private String apiVersion(String connection) {
        ConnectionsConfig.Connection c = config == null || connection == null ? null : config.connections().get(connection);
        return c == null ? API_VERSION : c.apiVersion().orElse(API_VERSION);
    }

    @Override
    public CrmRequest batch(String object, BatchOperation operation, List<?> inputs, String idProperty,
            List<String> properties) {
        if (operation == BatchOperation.READ && idProperty == null) {
            return ClioRequests.readByIds(object, inputs, properties);
        }
        throw unsupported("batch " + operation.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public CrmRequest upsert(String object, String idProperty, Map<String, Map<String, Object>> byKey) {
        throw unsupported("upsert by unique property " + idProperty);
    }

    /**
     * A note or task the bridge made, by its key (kept at the end of its subject or name, {@link #keepsKeyOf}): a {@code query}
     * list filter over notes, compared exactly in {@link #batchShare}. Nothing else is read by key.
     */
    @Override
    public CrmRequest readByKey(String object, String idProperty, List<String> values, List<String> properties) {
        if (!keepsKeyOf(object) || !BridgeProperty.KEY.equals(idProperty) || values.size() != 1) {
            throw unsupported("read by unique property " + idProperty);
        }
        return ClioRequests.noteByKey(object, values.get(0), properties);
    }

    /**
     * A note keeps the bridge's key at the end of its subject ({@code ... [note:<event id>]}), a task at the end of its
     * name ({@code ... [task:<event id>]}).
     */
    @Override
    public boolean keepsKeyOf(String object) {
        return "notes".equals(object) || "tasks".equals(object);
    }

    /** The associations Clio has are relationship fields: a person's company, a matter's client. */
    @Override
    public CrmRequest associate(String fromObject, String fromId, String toObject, String toId) {
        return ClioRequests.associate(fromObject, fromId, toObject, toId);
    }

    @Override
    public CrmRequest associateBatch(String fromObject, String toObject, List<?> pairs) {
        if (pairs.size() != 1 || !(pairs.get(0) instanceof Map<?, ?> pair)) {
            throw unsupported("batch associations");
        }
        return associate(fromObject, ClioLinks.id(pair.get("from")), toObject, ClioLinks.id(pair.get("to")));
    }

    /**
     * The records a relationship field links: a contact's matters ({@code matters.json?client_id=}), a person's company
     * (the person's {@code company} field), a matter's client.
     */
    @Override
    public CrmRequest listAssociations(String fromObject, String fromId, String toObject) {
        return ClioLinks.list(fromObject, fromId, toObject);
    }

    @Override
    public CrmRequest owner(String id) {
        return ClioRequests.owner(id);
    }

    /** Clio's users list has no email filter: the users (a firm has fewer than 200), compared by the caller. */
    @Override
    public CrmRequest ownersByEmail(String email) {
        return ClioRequests.users();
    }

    // --- answers ---

    @Override
    public List<CrmRecord> records(String object, CrmAnswer answer) {
        return ClioShapes.records(answer.json());
    }

    @Override
    public CrmRecord record(String object, CrmAnswer answer) {
        Object data = ClioShapes.data(answer.json());
        return data instanceof List<?> list ? (list.isEmpty() ? null : ClioShapes.record(list.get(0)))
                : ClioShapes.record(data);
    }

    /** The records of a list answer whose property equals one of the keys, compared without case. */
    @Override
    public CrmAnswer batchShare(String object, CrmAnswer answer, String keyProperty, Collection<String> keys) {
        return CrmAnswer.of(ClioShapes.share(answer.json(), keyProperty, keys));
    }

    @Override
    public CrmAnswer associationShare(CrmAnswer answer, String fromId, String toId) {
        return answer;
    }

    @Override
    public List<String> associatedIds(CrmAnswer answer) {
        return ClioLinks.ids(answer.json());
    }

    @Override
    public List<CrmOwner> owners(CrmAnswer answer) {
        return ClioUsers.owners(answer.json());
    }

    // --- responses ---

    @Override
    public Optional<CrmCallException> classify(String connection, int status, String body) {
        return ClioErrors.classify(connection, status, body);
    }

    /** Clio's {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}: the wait when the window is used up. */
    @Override
    public Optional<Duration> exhaustedWindow(Function<String, String> responseHeader) {
        return ClioErrors.exhaustedWindow(responseHeader.apply("X-RateLimit-Remaining"),
                responseHeader.apply("X-RateLimit-Reset"), Instant.now());
    }

    // --- helpers ---

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("the clio connector has no " + what + " (see capabilities())");
    }
}
