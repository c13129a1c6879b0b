package io.crmbridge.crm;

/** A CRM user who can own records: its id in the CRM, its email, and whether it is active (not archived). */
public record CrmOwner(String id, String email, boolean active) {
}
