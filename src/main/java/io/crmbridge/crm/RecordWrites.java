package io.crmbridge.crm;

import java.util.List;
import java.util.Map;

/** Role: creating and changing records, one at a time or in batches. */
public interface RecordWrites {

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
     * {@link #update} based on a record {@code version} ({@link RecordReads#version}): where the CRM supports
     * conditional writes, sent only if the record is still that version (a changed one is answered with
     * {@link CrmCallException.Stale}). Default: unconditional.
     */
    default CrmRequest update(String object, String id, String idProperty, Map<String, Object> properties, String version) {
        return update(object, id, idProperty, properties);
    }

    /**
     * A batch call: inputs as the connector's batch endpoints take them (at most {@link CrmConnector#maxBatchSize()}).
     * A connector without batch endpoints may still answer {@link BatchOperation#READ} by ids.
     */
    CrmRequest batch(String object, BatchOperation operation, List<?> inputs, String idProperty, List<String> properties);

    /**
     * Upserts by a unique property ({@link Capability#KEYED_UPSERT}): each entry (the property's value -> the
     * record's properties) updates the record holding that value, or creates it with that value when there is none.
     */
    CrmRequest upsert(String object, String idProperty, Map<String, Map<String, Object>> byKey);
}
