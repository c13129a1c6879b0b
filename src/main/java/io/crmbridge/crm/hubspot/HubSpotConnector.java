package io.crmbridge.crm.hubspot;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
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
import io.crmbridge.crm.CrmCallException;
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
        return HubSpotRecordRequests.MAX_BATCH;
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
        return HubSpotRecordRequests.searchChanged(query);
    }

    @Override
    public CrmRequest readHistory(String object, List<String> ids, List<String> properties) {
        return HubSpotHistory.request(HubSpotRecordRequests.objects(object), ids, properties, maxHistoryIds());
    }

    /** HubSpot refuses a batch read with {@code propertiesWithHistory} of more than 50 inputs. */
    @Override
    public int maxHistoryIds() {
        return HubSpotHistory.MAX_IDS;
    }

    @Override
    public CrmRequest listArchived(String object, String after, int limit) {
        return HubSpotRecordRequests.listArchived(object, after, limit);
    }

    @Override
    public List<String> noticeProperties(String object) {
        return "contacts".equals(object) ? List.of(HubSpotAnswers.MERGED_IDS) : List.of();
    }

    @Override
    public CrmRequest searchEquals(String object, String property, String value, List<String> properties) {
        return HubSpotRecordRequests.searchEquals(object, property, value, properties);
    }

    @Override
    public CrmRequest searchIn(String object, String property, Collection<String> values,
            List<String> properties) {
        return HubSpotRecordRequests.searchIn(object, property, values, properties);
    }

    @Override
    public int maxSearchResults() {
        return HubSpotSearch.MAX_LIMIT;
    }

    @Override
    public CrmRequest read(String object, String id, String idProperty, List<String> properties) {
        return HubSpotRecordRequests.read(object, id, idProperty, properties);
    }

    @Override
    public CrmRequest create(String object, Map<String, Object> properties, Map<String, String> linkTo) {
        return HubSpotRecordRequests.create(object, properties, linkTo);
    }

    /** {@code batch/create}: each input as a single create takes it, with its ref as {@code objectWriteTraceId}. */
    @Override
    public CrmRequest createMany(String object, List<Map<String, Object>> properties, List<Map<String, String>> linkTo,
            List<String> refs) {
        return HubSpotRecordRequests.createMany(object, properties, linkTo, refs);
    }

    @Override
    public CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties) {
        return HubSpotRecordRequests.update(object, id, idProperty, properties);
    }

    @Override
    public CrmRequest batch(String object, BatchOperation operation, List<?> inputs, String idProperty,
            List<String> properties) {
        return HubSpotRecordRequests.batch(object, operation, inputs, idProperty, properties);
    }

    @Override
    public CrmRequest upsert(String object, String idProperty, Map<String, Map<String, Object>> byKey) {
        return HubSpotRecordRequests.upsert(object, idProperty, byKey);
    }

    @Override
    public CrmRequest readByKey(String object, String idProperty, List<String> values, List<String> properties) {
        return HubSpotRecordRequests.readByKey(object, idProperty, values, properties);
    }

    @Override
    public CrmRequest listProperties(String object) {
        return HubSpotProperties.list(object);
    }

    @Override
    public CrmRequest createProperty(String object, BridgeProperty property) {
        return HubSpotProperties.create(object, property);
    }

    /** HubSpot offers unique-value properties on contacts, companies, deals, tickets and custom objects only. */
    @Override
    public boolean holdsUniqueValues(String object) {
        return HubSpotProperties.holdsUniqueValues(object);
    }

    @Override
    public String createPermission(String object) {
        return HubSpotProperties.createPermission(object);
    }

    @Override
    public CrmRequest associate(String fromObject, String fromId, String toObject, String toId) {
        return HubSpotLinks.associate(fromObject, fromId, toObject, toId);
    }

    @Override
    public CrmRequest associateBatch(String fromObject, String toObject, List<?> pairs) {
        return HubSpotLinks.associateBatch(fromObject, toObject, pairs);
    }

    @Override
    public CrmRequest listAssociations(String fromObject, String fromId, String toObject) {
        return HubSpotLinks.listAssociations(fromObject, fromId, toObject);
    }

    @Override
    public CrmRequest owner(String id) {
        return HubSpotLinks.owner(id);
    }

    @Override
    public CrmRequest ownersByEmail(String email) {
        return HubSpotLinks.ownersByEmail(email);
    }

    // --- the contract probe ---

    /** One record by listing, with the properties HubSpot returns by default besides the mapped ones. */
    @Override
    public CrmRequest sampleRecord(String object, List<String> properties) {
        return HubSpotRecordRequests.sampleRecord(object, properties);
    }

    /** HubSpot's API hosts: a configured HubSpot host that fails is checked against the others. */
    @Override
    public List<String> alternativeBaseUrls(String configuredBaseUrl) {
        return HubSpotPolicy.alternativeBaseUrls(configuredBaseUrl);
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

    @Override
    public List<String> mergedIds(String object, CrmRecord record) {
        return HubSpotAnswers.mergedIds(record);
    }

    // --- error policy ---

    /**
     * A HubSpot call may go out again after an unclear answer, except a create of notes or tasks: its searches and
     * batch reads are POSTs that change nothing, its record writes are upserts or creates by a unique key (a second
     * create of the key is refused), but notes and tasks hold no unique value on HubSpot, and a create of them sent
     * again would make second records. It fails instead, and the event's next attempt finds what it made among the
     * contact's linked records before it creates. (A plain create of another object is resent as before: it happens
     * only where provisioning could not make its key, which the operator is alerted to.)
     */
    @Override
    public boolean resendable(String method, String path) {
        return !("POST".equalsIgnoreCase(method) && HubSpotRecordRequests.isUnguardedCreate(path));
    }

    /** A 403 for a scope the app lacks on one object fails that call, not the connection. */
    @Override
    public Optional<CrmCallException> classify(String connection, int status, String body) {
        return HubSpotPolicy.classify(connection, status, body);
    }

    @Override
    public boolean rejectsCredentials(String tokenError) {
        return HubSpotPolicy.rejectsCredentials(tokenError);
    }

    /** From HubSpot's rate-limit headers: the wait when the window is used up. */
    @Override
    public Optional<Duration> exhaustedWindow(Function<String, String> responseHeader) {
        return HubSpotPolicy.exhaustedWindow(responseHeader);
    }
}
