package io.crmbridge.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.crmbridge.connection.CrmCallException;
import io.crmbridge.connection.CrmResponseClassifier;

/**
 * What the flows and the decision code need from a CRM, in the bridge's terms (DESIGN.md section 2). A connector
 * describes each call as a {@link CrmRequest} (route {@code crm-call} sends it: the one place a CRM is called, with
 * the connection's token, rate limit and error classes) and reads the CRM's answers back into {@link CrmRecord}s,
 * {@link CrmOwner}s and ids. Everything vendor-specific (paths, property names, association types, search shapes,
 * rate-limit headers, error bodies) stays in the connector's own package; one implementation per connection kind.
 *
 * <p>Objects are named in the bridge's plural terms: {@code contacts}, {@code companies}, {@code deals},
 * {@code notes}, {@code tasks}, {@code tickets}.
 */
public interface CrmConnector {

    /** The connection kind this connector serves ({@code crmbridge.connections.<name>.kind}). */
    String kind();

    /** The token endpoint under the base URL when the connection names none. */
    String defaultTokenPath();

    /** What a CRM can do beyond the calls every connector has; the decision and poll code checks these. */
    enum Capability {
        /** Search by any property's value (else list filters, compared exactly by the connector). */
        SEARCH_BY_PROPERTY,
        /** Batch endpoints for reads, creates, updates, upserts and associations. */
        BATCH,
        /** Upsert and read by a unique property (the bridge's own {@code crmbridge_key}, a contact's email). */
        KEYED_UPSERT,
        /** The bridge can create properties of its own on the CRM's objects ({@code crmbridge_*}). */
        BRIDGE_PROPERTIES,
        /** Property history with who changed what (the loop guard reads it; else origin stamps). */
        PROPERTY_HISTORY,
        /** Archived (deleted) records can be listed: delete notices. */
        ARCHIVED_NOTICES,
        /** Merged records name the ids merged into them: merge notices. */
        MERGE_NOTICES,
        /** Associations are records of their own with an API (else relationship fields on a record). */
        ASSOCIATIONS_API,
        /** Relationship fields ({@code {id, name}}) carry the associations. */
        RELATIONSHIP_FIELDS,
        /** Owners (users) can be read and found by email. */
        OWNERS,
        /** Answers carry rate-limit headers the connection's limiter follows. */
        RATE_LIMIT_HEADERS
    }

    /** What this CRM can do; the calls of a capability it lacks fail rather than pretend. */
    default java.util.Set<Capability> capabilities() {
        return java.util.EnumSet.allOf(Capability.class);
    }

    /** The API base URL of a region ({@code crmbridge.connections.<name>.region}), for CRMs that have regions. */
    default Optional<String> baseUrl(String region) {
        return Optional.empty();
    }

    /** Where the token endpoint lives when it is not under the base URL and the connection names no token-url-base. */
    default Optional<String> tokenUrlBase(String baseUrl) {
        return Optional.empty();
    }

    /** Whether the CRM can link a {@code fromObject} record to a {@code toObject} record (associate, list). */
    default boolean canAssociate(String fromObject, String toObject) {
        return true;
    }

    /** Inputs one batch call takes at most. */
    int maxBatchSize();

    // --- the vocabulary ---

    /** Contract field -> CRM property for one object, before the connection's own field map overrides it. */
    Map<String, FieldSpec> defaultFieldMap(String object);

    /** Properties every read of the object returns besides the mapped ones (id, creation and modification time). */
    List<String> systemProperties(String object);

    // --- requests ---

    /** One page of records changed since the cursor: forward by modification time, or one tie group by id. */
    CrmRequest searchChanged(ChangeQuery query);

    /**
     * Whether a tie group is paged by the CRM's next-page token ({@link #nextPage}) rather than by an id filter: the
     * query may then answer records outside the group, which the poll leaves out, and the group ends with the token.
     */
    default boolean pagesTieGroupsByToken() {
        return false;
    }

    /** The next-page token of a {@link #searchChanged} answer, or null when it is the last page (or the CRM has none). */
    default String nextPage(Object answer) {
        return null;
    }

    /**
     * The property history of up to {@link #maxBatchSize()} records (ids) for the named properties; empty when the
     * CRM keeps none (the loop guard then falls back to origin stamps).
     */
    default Optional<CrmRequest> readHistory(String object, List<String> ids, List<String> properties) {
        return Optional.empty();
    }

    /** One page of the object's archived (deleted) records, from the page token {@code after} (null: the first). */
    default Optional<CrmRequest> listArchived(String object, String after, int limit) {
        return Optional.empty();
    }

    /** Properties a poll reads besides the mapped ones so that merges can be seen (e.g. the ids merged into a record). */
    default List<String> noticeProperties(String object) {
        return List.of();
    }

    /** Records whose {@code property} equals {@code value} (search before create). */
    CrmRequest searchEquals(String object, String property, String value, List<String> properties);

    /**
     * Records whose {@code property} equals one of {@code values} (search before create for many events in one call),
     * at most {@link #maxSearchResults()} of them.
     */
    CrmRequest searchIn(String object, String property, java.util.Collection<String> values, List<String> properties);

    /** Records one search answer holds at most: an answer this full may have left some out. */
    int maxSearchResults();

    /** One record by id, or by a unique property when {@code idProperty} is given. */
    CrmRequest read(String object, String id, String idProperty, List<String> properties);

    /** A new record with its properties and, where the CRM allows it in one call, links to existing records. */
    CrmRequest create(String object, Map<String, Object> properties, Map<String, String> linkTo);

    /**
     * New records in one call, each with its properties, its links to existing records (where the CRM takes them in a
     * create) and a reference its result and error are handed back by ({@code refs}, e.g. the record's own key).
     */
    CrmRequest createMany(String object, List<Map<String, Object>> properties, List<Map<String, String>> linkTo,
            List<String> refs);

    /** Changes to one record by id, or by a unique property when {@code idProperty} is given. */
    CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties);

    /**
     * {@link #update} based on a record {@code version} this connector gave ({@link #version}): where the CRM supports
     * conditional writes, sent only if the record is still that version (a changed one is answered with
     * {@link io.crmbridge.connection.CrmCallException.Stale}). Default: unconditional.
     */
    default CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties, String version) {
        return update(object, id, idProperty, properties);
    }

    /** The version of a record read from this CRM for a conditional update, or null when the CRM has none. */
    default String version(CrmRecord record) {
        return null;
    }

    /** A batch call: inputs as the connector's batch endpoints take them (at most {@link #maxBatchSize()}). */
    CrmRequest batch(String object, BatchOperation operation, List<?> inputs, String idProperty, List<String> properties);

    /**
     * Upserts by a unique property: each entry (the property's value -> the record's properties) updates the record
     * holding that value, or creates it with that value when there is none. Repeating it cannot create a second one.
     */
    CrmRequest upsert(String object, String idProperty, Map<String, Map<String, Object>> byKey);

    /** Reads records by the values of a unique property (consistent, unlike search); absent values are left out. */
    CrmRequest readByKey(String object, String idProperty, List<String> values, List<String> properties);

    /** The properties an object has (to provision the bridge's own idempotently). */
    CrmRequest listProperties(String object);

    /** Creates one of the bridge's own properties on an object (it answers a conflict if it exists). */
    CrmRequest createProperty(String object, BridgeProperty property);

    /** The default association of two records (idempotent). */
    CrmRequest associate(String fromObject, String fromId, String toObject, String toId);

    /** Default associations for a list of {@code {from:{id}, to:{id}}} pairs. */
    CrmRequest associateBatch(String fromObject, String toObject, List<?> pairs);

    /** The ids of the {@code toObject} records associated with one record. */
    CrmRequest listAssociations(String fromObject, String fromId, String toObject);

    /** One owner by id. */
    CrmRequest owner(String id);

    /** The owners with an email. */
    CrmRequest ownersByEmail(String email);

    // --- answers ---

    /** A list, search or batch answer -> its records. */
    List<CrmRecord> records(String object, Object answer);

    /** A read, create or update answer -> the record; null when the answer holds none. */
    CrmRecord record(String object, Object answer);

    /** A {@link #listProperties} answer -> property name -> whether it holds unique values. */
    Map<String, Boolean> propertyNames(Object answer);

    /** Every per-input error of a batch answer, records not found included, as messages; empty when none. */
    List<String> inputErrors(Object answer);

    /** A batch answer's per-input errors (HubSpot: 207 with {@code errors}), as messages; empty when none. */
    List<String> batchErrors(Object answer);

    /**
     * One input's share of a batch or search answer, shaped like the whole answer: the records whose property
     * {@code keyProperty} holds one of {@code keys} (compared without case), and the per-input errors that name one of
     * {@code keys} (in their context or message). Lets many events share one call and each read its own answer.
     */
    Object batchShare(String object, Object answer, String keyProperty, java.util.Collection<String> keys);

    /** One association pair's share of an {@link #associateBatch} answer, shaped like the whole answer. */
    Object associationShare(Object answer, String fromId, String toId);

    /** A {@link #listAssociations} answer -> the associated ids. */
    List<String> associatedIds(Object answer);

    /** An owner answer (one or a list) -> the owners. */
    List<CrmOwner> owners(Object answer);

    /**
     * A {@link #readHistory} answer -> per record id, its property changes, newest first; a change made by the app
     * {@code ownAppId} (this connection's own) is {@link PropertyChange.Source#BRIDGE}.
     */
    default Map<String, List<PropertyChange>> history(String object, Object answer, String ownAppId) {
        return Map.of();
    }

    /** A {@link #listArchived} answer -> the archived records and the next page's token. */
    default ListPage<RemovedRecord> archived(Object answer) {
        return new ListPage<>(List.of(), null);
    }

    /** The ids of the records that were merged into this one (read through {@link #noticeProperties}). */
    default List<String> mergedIds(String object, CrmRecord record) {
        return List.of();
    }

    /** The CRM's own clock at the time of an answer (HTTP {@code Date}), when the answer says. */
    default Optional<Instant> serverTime(Function<String, String> responseHeader) {
        String date = responseHeader.apply("Date");
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // --- the contract probe (read only) ---

    /**
     * A read-only request (GET) for at most one live record of the object with these properties, for the contract
     * probe. The default asks for one changed record, which is a GET only where the connector's change search is;
     * the probe refuses anything but a GET.
     */
    default CrmRequest sampleRecord(String object, List<String> properties) {
        return searchChanged(ChangeQuery.forward(object, null, null, 1, properties));
    }

    /**
     * Other base URLs that serve the same account when the configured one fails (a vendor's other region or API
     * hosts), best first; empty when the connector knows none.
     */
    default List<String> alternativeBaseUrls(String configuredBaseUrl) {
        return List.of();
    }

    /**
     * Whether the CRM sends values with their JSON types (a number as a number). False for a CRM that sends every
     * value as text (HubSpot), where a number arriving as a string is normal and not a finding.
     */
    default boolean typedValues() {
        return true;
    }

    // --- responses ---

    /** A failed answer -> its error class (DESIGN.md section 5); empty for a success. */
    default Optional<CrmCallException> classify(String connection, int status, String body) {
        return CrmResponseClassifier.classify(connection, status, body);
    }

    /** How long a 429 asks to wait, from its {@code Retry-After} (or the CRM's default window). */
    default Duration retryAfter(Function<String, String> responseHeader) {
        return CrmResponseClassifier.retryAfter(responseHeader.apply("Retry-After"));
    }

    /**
     * Whether a call may go out again after it failed without a clear answer (a 5xx, a dropped connection, a timeout:
     * the CRM may have committed it). Reads and idempotent writes may (the default); a plain create may not, since a
     * second one makes a second record: it fails instead, and the event's next attempt finds what the first one wrote
     * by its search before create.
     */
    default boolean resendable(String method, String path) {
        return true;
    }

    /**
     * Whether the bridge's records of an object, made without a unique property to hold their key, keep their key
     * in the record some other way and are found again by {@link #readByKey} on {@link BridgeProperty#KEY} (Clio:
     * a note's key at the end of its subject). The bridge then gives them their key and reads it before a create.
     */
    default boolean keepsKeyOf(String object) {
        return false;
    }

    /** Rate-limit feedback on any answer: how long until the window has room again when it is used up, else empty. */
    Optional<Duration> exhaustedWindow(Function<String, String> responseHeader);
}
