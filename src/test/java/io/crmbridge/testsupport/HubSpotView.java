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
        // through the sandbox's control endpoint: as in HubSpot's own UI or an import, a second contact with an email
        // another contact has can exist (the API refuses it with 409)
        return SandboxControl.control().body(Map.of("properties", Map.of("email", email, "firstname", firstName,
                "lastname", lastName))).post("/objects/contacts").then().statusCode(201).extract().path("id");
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
    public void deleteContact(String contactId) {
        SandboxClient.crm().delete("/crm/v3/objects/contacts/" + contactId).then().statusCode(204);
    }

    @Override
    public String createPath(String object) {
        return "/crm/v3/objects/" + object + "(/batch/(upsert|create))?";
    }

    @Override
    public String apiPaths() {
        return "/crm/.*";
    }

    @Override
    public Map<String, Object> changedContactsCalls() {
        return Map.of("method", "POST", "pathPattern", "/crm/v3/objects/contacts/search");
    }

    @Override
    public void faults(Map<String, Object> settings) {
        SandboxControl.control().body(settings).put("/faults").then().statusCode(200);
    }

    @Override
    public void clearFaults() {
        SandboxControl.clearFaults();
    }

    @Override
    public long served(int status) {
        return SandboxControl.served(status);
    }

    @Override
    public void rateLimit(int maxRequests, long windowMillis) {
        SandboxControl.rateLimit(maxRequests, windowMillis);
    }

    /** As good as none (the configured test limit of the HubSpot dialect is HubSpot's own, which bursts reach). */
    @Override
    public void resetRateLimit() {
        SandboxControl.rateLimit(1_000_000, 10_000);
    }

    @Override
    public String toString() {
        return "hubspot";
    }
}
