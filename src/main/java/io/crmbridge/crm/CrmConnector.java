package io.crmbridge.crm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One CRM vendor's connector, chosen by a connection's {@code kind}: what every connector says about itself (its
 * kind, what it can do, where its API and token endpoint live, its default field map). What it can do is in the roles
 * it implements besides this interface, each asked for where the bridge needs it ({@link CrmConnectors#role}):
 * <ul>
 * <li>{@link ChangeFeed}: records changed since a cursor, for the poll;</li>
 * <li>{@link PropertyHistory}: who changed what, for the loop guard;</li>
 * <li>{@link ArchivedRecords}: deleted records, for delete notices;</li>
 * <li>{@link RecordReads}: read, search and read by key, and the records of an answer;</li>
 * <li>{@link RecordWrites}: create, update, upsert and batch writes;</li>
 * <li>{@link Links}: associations between records;</li>
 * <li>{@link Owners}: the CRM's users;</li>
 * <li>{@link BridgeProperties}: the bridge's own properties on the CRM's objects;</li>
 * <li>{@link ErrorPolicy}: how the CRM's failed answers and rate-limit headers read (else generic HTTP).</li>
 * </ul>
 * A connector describes each call as a {@link CrmRequest} (route {@code crm-call} sends it: the one place a CRM is
 * called, with the connection's token, rate limit and error classes) and reads the CRM's answer ({@link CrmAnswer})
 * back into {@link CrmRecord}s, {@link CrmOwner}s and ids. Everything vendor-specific (paths, property names, value
 * vocabularies, association types, search shapes, rate-limit headers, error bodies) stays in the connector's package.
 *
 * <p>Objects are named in the bridge's plural terms: {@code contacts}, {@code companies}, {@code deals},
 * {@code notes}, {@code tasks}, {@code tickets}. Values are the bridge's ({@link TaskStatus}, {@link TaskPriority},
 * {@link TicketStage}); a connector's field map translates them ({@link FieldSpec#values()}).
 */
public interface CrmConnector {

    /** The connection kind this connector serves ({@code crmbridge.connections.<name>.kind}). */
    String kind();

    /** What this CRM can do, declared by each connector: the calls of a capability it lacks fail rather than pretend. */
    Set<Capability> capabilities();

    /** The token endpoint under the base URL when the connection names none. */
    String defaultTokenPath();

    /** The API base URL of a region ({@code crmbridge.connections.<name>.region}), for CRMs that have regions. */
    default Optional<String> baseUrl(String region) {
        return Optional.empty();
    }

    /** Where the token endpoint lives when it is not under the base URL and the connection names no token-url-base. */
    default Optional<String> tokenUrlBase(String baseUrl) {
        return Optional.empty();
    }

    /**
     * Other base URLs that serve the same account when the configured one fails (a vendor's other region or API
     * hosts), best first; empty when the connector knows none. The contract probe tries them.
     */
    default List<String> alternativeBaseUrls(String configuredBaseUrl) {
        return List.of();
    }

    /**
     * Whether the CRM sends values with their JSON types (a number as a number). False for a CRM that sends every
     * value as text, where a number arriving as a string is normal and not a probe finding.
     */
    default boolean typedValues() {
        return true;
    }

    /** Inputs one batch call takes at most (1: no batch endpoints). */
    int maxBatchSize();

    /** Contract field -> CRM property for one object, before the connection's own field map overrides it. */
    Map<String, FieldSpec> defaultFieldMap(String object);

    /** Properties every read of the object returns besides the mapped ones (id, creation and modification time). */
    List<String> systemProperties(String object);

    /** Headers sent with every call of the connection (e.g. an API version the connector pins); none by default. */
    default Map<String, String> requestHeaders(String connection) {
        return Map.of();
    }
}
