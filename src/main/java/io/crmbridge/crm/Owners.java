package io.crmbridge.crm;

import java.util.List;

/** Role ({@link Capability#OWNERS}): the CRM's users that own records, by id and by email. */
public interface Owners {

    /** One owner by id. */
    CrmRequest owner(String id);

    /** The owners with an email (a CRM without an email filter may answer all; the caller compares). */
    CrmRequest ownersByEmail(String email);

    /** An owner answer (one or a list) -> the owners. */
    List<CrmOwner> owners(CrmAnswer answer);
}
