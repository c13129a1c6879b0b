package io.crmbridge.crm;

/** Role ({@link Capability#ARCHIVED_NOTICES}): the archived (deleted) records of an object, for delete notices. */
public interface ArchivedRecords {

    /** One page of the object's archived records, from the page token {@code after} (null: the first). */
    CrmRequest listArchived(String object, String after, int limit);

    /** A {@link #listArchived} answer -> the archived records and the next page's token. */
    ListPage<RemovedRecord> archived(CrmAnswer answer);
}
