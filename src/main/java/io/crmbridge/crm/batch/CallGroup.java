package io.crmbridge.crm.batch;

import java.util.List;

/**
 * The calls that can share one batch call: same connection, operation and object, and the same key or search
 * property, target object (associations) and properties to read.
 */
record CallGroup(String connection, Operation operation, String object, String property, String toObject,
        List<String> readProperties) {

    enum Operation {
        /** Upsert by a unique property: one input per record key (two writes of one key never share a call). */
        UPSERT,
        /**
         * Create with links, the record holding its key in a unique property: a second create of one key is refused
         * (409), never a second record.
         */
        CREATE_KEYED,
        /** Read by the values of a unique property. */
        READ_BY_KEY,
        /** Search by one property equal to a value, many values at once ({@code IN}). */
        SEARCH,
        /** The default association of two records. */
        ASSOCIATE
    }
}
