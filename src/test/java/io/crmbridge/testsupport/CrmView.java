package io.crmbridge.testsupport;

import java.util.List;

/**
 * One CRM kind as the parameterized outbound and inbound tests see it: which source writes to its connection, and
 * what its sandbox holds, in the bridge's terms. One implementation per sandbox dialect ({@link HubSpotView},
 * {@link ClioView}); the tests themselves are written once.
 */
public interface CrmView {

    /** The connection the tests write to and poll. */
    String connection();

    /** The web-form source whose events go to {@link #connection()}. */
    String webformSource();

    /** The contacts (people) with this email. */
    List<String> contactsByEmail(String email);

    /** The companies whose web site is this domain. */
    List<String> companiesByDomain(String domain);

    /** The deals (HubSpot) or matters (Clio) of a contact. */
    List<String> dealsOf(String contactId);

    /** The company a contact is linked to. */
    List<String> companiesOf(String contactId);

    /** The notes on a contact or on its deals (Clio keeps a note on the matter). */
    List<String> notesOf(String contactId);

    /** A contact made by a person in the CRM, not by the bridge. */
    String insertContact(String email, String firstName, String lastName);

    /** A person's edit of a contact's last name in the CRM. */
    void humanEditLastName(String contactId, String lastName);

    /** {@code n} contacts made at once in the CRM (a bulk import). */
    void seedContacts(int n);

    /** Everything in the CRM removed. */
    void reset();

    /** A contact removed in the CRM (as a person merging duplicates would). */
    void deleteContact(String contactId);

    // --- the sandbox's fault knobs, in each dialect's paths ---

    /**
     * The fault-rule path pattern (a regular expression over the dialect's paths) of the calls that create records of
     * {@code object} ({@code contacts}, {@code companies}, {@code deals}, {@code notes}), whatever shape the connector
     * gives them (HubSpot: a create, batch create or upsert; Clio: a POST to the resource).
     */
    String createPath(String object);

    /** The fault-rule path pattern of every API call (not the token endpoint). */
    String apiPaths();

    /**
     * The calls the poller pages changed contacts with, as a fault rule's {@code method} and {@code pathPattern}
     * (HubSpot: POST search; Clio: GET contacts.json), to which a test adds the fault.
     */
    java.util.Map<String, Object> changedContactsCalls();

    /** Replaces the dialect's fault rules ({@code {"seed": .., "rules": [..]}}, as the sandbox's PUT faults). */
    void faults(java.util.Map<String, Object> settings);

    void clearFaults();

    /** API calls the dialect answered with this status since start-up (or its last reset). */
    long served(int status);

    /** The dialect's per-token rate limit. */
    void rateLimit(int maxRequests, long windowMillis);

    void resetRateLimit();

    /** The contract field name of a contact's last name as the intake receives it (under {@code fields}). */
    default String lastNameField() {
        return "last-name";
    }

    static List<CrmView> all() {
        return List.of(new HubSpotView(), new ClioView());
    }

    /**
     * The kinds the shared outbound and inbound suites run against: the two sandbox dialects and the in-test tiny CRM
     * ({@link io.crmbridge.tinycrm.TinyView}), a connector with few capabilities that is one test package plus
     * configuration.
     */
    static List<CrmView> shared() {
        return List.of(new HubSpotView(), new ClioView(), new io.crmbridge.tinycrm.TinyView());
    }
}
