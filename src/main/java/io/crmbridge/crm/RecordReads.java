package io.crmbridge.crm;

import java.util.Collection;
import java.util.List;

/**
 * Role: reading records (by id, by a unique property, by search) and the records, errors and per-caller shares of
 * their answers.
 */
public interface RecordReads {

    /** One record by id, or by a unique property when {@code idProperty} is given. */
    CrmRequest read(String object, String id, String idProperty, List<String> properties);

    /** Records whose {@code property} equals {@code value} (search before create). */
    CrmRequest searchEquals(String object, String property, String value, List<String> properties);

    /**
     * Records whose {@code property} equals one of {@code values} (search before create for many events in one call),
     * at most {@link #maxSearchResults()} of them.
     */
    CrmRequest searchIn(String object, String property, Collection<String> values, List<String> properties);

    /** Records one search answer holds at most: an answer this full may have left some out. */
    int maxSearchResults();

    /** Reads records by the values of a unique property (consistent, unlike search); absent values are left out. */
    CrmRequest readByKey(String object, String idProperty, List<String> values, List<String> properties);

    /**
     * Whether the bridge's records of an object, made without a unique property to hold their key, keep their key
     * in the record some other way and are found again by {@link #readByKey} on {@link BridgeProperty#KEY}. The
     * bridge then gives them their key and reads it before a create.
     */
    default boolean keepsKeyOf(String object) {
        return false;
    }

    /** A list, search or batch answer -> its records. */
    List<CrmRecord> records(String object, CrmAnswer answer);

    /** A read, create or update answer -> the record; null when the answer holds none. */
    CrmRecord record(String object, CrmAnswer answer);

    /** The version of a record read from this CRM for a conditional update, or null when the CRM has none. */
    default String version(CrmRecord record) {
        return null;
    }

    /**
     * Every per-input error of a batch answer, records not found included, as messages; empty when none. A CRM
     * without batch answers has none (the default).
     */
    default List<String> inputErrors(CrmAnswer answer) {
        return List.of();
    }

    /** A batch answer's per-input errors, records not found left out, as messages; empty when none (the default). */
    default List<String> batchErrors(CrmAnswer answer) {
        return List.of();
    }

    /**
     * One input's share of a batch or search answer, shaped like the whole answer: the records whose property
     * {@code keyProperty} holds one of {@code keys} (compared without case), and the per-input errors that name one of
     * {@code keys}. Lets many events share one call and each read its own answer.
     */
    CrmAnswer batchShare(String object, CrmAnswer answer, String keyProperty, Collection<String> keys);
}
