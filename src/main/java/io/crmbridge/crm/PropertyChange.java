package io.crmbridge.crm;

import java.time.Instant;

/**
 * One change of one property of a CRM record, from the CRM's property history: the new value, when, and who made it.
 * {@code sourceId} and {@code userId} are the CRM's own identifiers of the writer (an app, a user), kept for the
 * intake; {@code source} is what the bridge makes of them.
 */
public record PropertyChange(String property, String value, Instant at, Source source, String sourceId, String userId) {

    /** Who made a change, in the bridge's terms. */
    public enum Source {
        /** This connection's own app (the bridge's writes). */
        BRIDGE,
        /** A person in the CRM's user interface. */
        PERSON,
        /** Computed by the CRM itself from other values (not an edit anybody made). */
        SYSTEM,
        /** Anything else: another integration, an import, a workflow. */
        OTHER
    }
}
