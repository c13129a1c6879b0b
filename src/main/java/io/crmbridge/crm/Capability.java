package io.crmbridge.crm;

/**
 * What a CRM can do beyond the calls every connector has; the decision and poll code checks these. A connector
 * declares its own set ({@link CrmConnector#capabilities()}); nothing is assumed.
 */
public enum Capability {
    /** Search by any property's value (else list filters, compared exactly by the connector). */
    SEARCH_BY_PROPERTY,
    /** Batch endpoints for reads, creates, updates, upserts and associations. */
    BATCH,
    /** Upsert and read by a unique property (the bridge's own {@code crmbridge_key}, a contact's email). */
    KEYED_UPSERT,
    /** The bridge can create properties of its own on the CRM's objects ({@code crmbridge_*}): {@link BridgeProperties}. */
    BRIDGE_PROPERTIES,
    /** Property history with who changed what (the loop guard reads it; else origin stamps): {@link PropertyHistory}. */
    PROPERTY_HISTORY,
    /** Archived (deleted) records can be listed, for delete notices: {@link ArchivedRecords}. */
    ARCHIVED_NOTICES,
    /** Merged records name the ids merged into them: merge notices ({@link ChangeFeed#mergedIds}). */
    MERGE_NOTICES,
    /** Associations are records of their own with an API (else relationship fields on a record). */
    ASSOCIATIONS_API,
    /** Relationship fields ({@code {id, name}}) carry the associations. */
    RELATIONSHIP_FIELDS,
    /** Owners (users) can be read and found by email: {@link Owners}. */
    OWNERS,
    /** Answers carry rate-limit headers the connection's limiter follows ({@link ErrorPolicy#exhaustedWindow}). */
    RATE_LIMIT_HEADERS
}
