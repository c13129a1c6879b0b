package io.crmbridge.testsupport;

import java.util.List;
import java.util.Map;

import io.crmbridge.outbound.OutboundTestSupport;
import io.crmbridge.sandbox.SandboxClient;

/** The HubSpot sandbox dialect through its CRM v3/v4 API and its control knobs. */
public final class HubSpotView implements CrmView {

    @Override
    public String connection() {
        return "hubspot";
    }

    @Override
    public String webformSource() {
        return "webform";
    }

    @Override
    public List<String> contactsByEmail(String email) {
        return OutboundTestSupport.search("contacts", "email", email);
    }

    @Override
    public List<String> companiesByDomain(String domain) {
        return OutboundTestSupport.search("companies", "domain", domain);
    }

    @Override
    public List<String> dealsOf(String contactId) {
        return OutboundTestSupport.associated("contacts", contactId, "deals");
    }

    @Override
    public List<String> companiesOf(String contactId) {
        return OutboundTestSupport.associated("contacts", contactId, "companies");
    }

    @Override
    public List<String> notesOf(String contactId) {
        return OutboundTestSupport.associated("contacts", contactId, "notes");
    }

    @Override
    public String insertContact(String email, String firstName, String lastName) {
        return SandboxClient.create("contacts", """
                {"email": "%s", "firstname": "%s", "lastname": "%s"}""".formatted(email, firstName, lastName));
    }

    @Override
    public void humanEditLastName(String contactId, String lastName) {
        SandboxControl.control().body(Map.of("objectType", "contacts", "id", contactId, "properties",
                Map.of("lastname", lastName))).post("/human-edit").then().statusCode(200);
    }

    @Override
    public void seedContacts(int n) {
        SandboxControl.control().body(Map.of("contacts", n)).post("/seed").then().statusCode(200);
    }

    @Override
    public void reset() {
        SandboxControl.control().delete("/objects").then().statusCode(204);
        SandboxControl.control().delete("/faults").then().statusCode(200);
    }

    @Override
    public String toString() {
        return "hubspot";
    }
}
