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

    /** The contract field name of a contact's last name as the intake receives it (under {@code fields}). */
    default String lastNameField() {
        return "last-name";
    }

    static List<CrmView> all() {
        return List.of(new HubSpotView(), new ClioView());
    }
}
