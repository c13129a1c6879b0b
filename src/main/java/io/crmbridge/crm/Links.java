package io.crmbridge.crm;

import java.util.List;

/**
 * Role: links between records, as association records ({@link Capability#ASSOCIATIONS_API}) or as relationship fields
 * ({@link Capability#RELATIONSHIP_FIELDS}).
 */
public interface Links {

    /** Whether the CRM can link a {@code fromObject} record to a {@code toObject} record (associate, list). */
    boolean canAssociate(String fromObject, String toObject);

    /** The default association of two records (idempotent). */
    CrmRequest associate(String fromObject, String fromId, String toObject, String toId);

    /** Default associations for a list of {@code {from:{id}, to:{id}}} pairs. */
    CrmRequest associateBatch(String fromObject, String toObject, List<?> pairs);

    /** The ids of the {@code toObject} records associated with one record. */
    CrmRequest listAssociations(String fromObject, String fromId, String toObject);

    /** A {@link #listAssociations} answer -> the associated ids. */
    List<String> associatedIds(CrmAnswer answer);

    /** One pair's share of an {@link #associateBatch} answer, shaped like the whole answer. */
    CrmAnswer associationShare(CrmAnswer answer, String fromId, String toId);
}
