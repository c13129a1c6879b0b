package io.crmbridge.testsupport;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The Clio sandbox dialect ({@code /sandbox/clio}) through its API v4 with an access token from its token endpoint,
 * and its control knobs ({@code /sandbox/clio/_sandbox}).
 */
public final class ClioView implements CrmView {

    static final String CLIO = "/sandbox/clio";
    static final String API = CLIO + "/api/v4";
    static final String CONTROL = CLIO + "/_sandbox";

    private String token;

    @Override
    public String connection() {
        return "clio";
    }

    @Override
    public String webformSource() {
        return "webform-clio";
    }

    @Override
    public List<String> contactsByEmail(String email) {
        return ids(api().queryParam("type", "Person").queryParam("email", email).queryParam("fields", "id")
                .get(API + "/contacts.json"));
    }

    /** Companies whose primary web site is the domain (Clio lists by {@code query}; compared here exactly). */
    @Override
    public List<String> companiesByDomain(String domain) {
        List<Map<String, Object>> companies = api().queryParam("type", "Company")
                .queryParam("fields", "id,web_sites{address}").queryParam("limit", 200)
                .get(API + "/contacts.json").then().statusCode(200).extract().jsonPath().getList("data");
        return companies.stream().filter(c -> String.valueOf(c.get("web_sites")).contains(domain))
                .map(c -> String.valueOf(c.get("id"))).toList();
    }

    @Override
    public List<String> dealsOf(String contactId) {
        return ids(api().queryParam("client_id", contactId).queryParam("fields", "id").get(API + "/matters.json"));
    }

    @Override
    public List<String> companiesOf(String contactId) {
        Object company = api().queryParam("fields", "id,company{id}").get(API + "/contacts/" + contactId + ".json")
                .then().statusCode(200).extract().path("data.company.id");
        return company == null ? List.of() : List.of(String.valueOf(company));
    }

    @Override
    public List<String> notesOf(String contactId) {
        List<String> notes = new java.util.ArrayList<>(ids(api().queryParam("type", "Contact")
                .queryParam("contact_id", contactId).queryParam("fields", "id").get(API + "/notes.json")));
        for (String matter : dealsOf(contactId)) {
            notes.addAll(ids(api().queryParam("type", "Matter").queryParam("matter_id", matter).queryParam("fields", "id")
                    .get(API + "/notes.json")));
        }
        return notes;
    }

    @Override
    public String insertContact(String email, String firstName, String lastName) {
        Map<String, Object> data = Map.of("type", "Person", "name", firstName + " " + lastName, "first_name", firstName,
                "last_name", lastName, "email_addresses", List.of(Map.of("name", "Work", "address", email, "default_email", true)));
        Object id = api().contentType(ContentType.JSON).body(Map.of("data", data)).queryParam("fields", "id")
                .post(API + "/contacts.json").then().statusCode(201).extract().path("data.id");
        return String.valueOf(id);
    }

    @Override
    public void humanEditLastName(String contactId, String lastName) {
        given().contentType(ContentType.JSON).body(Map.of("resource", "contacts", "id", Long.parseLong(contactId),
                "data", Map.of("last_name", lastName))).post(CONTROL + "/human-edit").then().statusCode(200);
    }

    /** A person's edit of the contact's last name saved just before the bridge's next write to it (after its read). */
    public void humanEditLastNameBeforeNextWrite(String contactId, String lastName) {
        given().contentType(ContentType.JSON).body(Map.of("resource", "contacts", "id", Long.parseLong(contactId),
                "data", Map.of("last_name", lastName), "beforeNextWrite", true)).post(CONTROL + "/human-edit")
                .then().statusCode(200);
    }

    /** One field of a contact as Clio shows it. */
    public Object contactField(String contactId, String field) {
        return api().queryParam("fields", "id," + field).get(API + "/contacts/" + contactId + ".json")
                .then().statusCode(200).extract().path("data." + field);
    }

    @Override
    public void seedContacts(int n) {
        given().contentType(ContentType.JSON).body(Map.of("resource", "contacts", "count", n)).post(CONTROL + "/seed")
                .then().statusCode(200);
    }

    @Override
    public void reset() {
        ClioSandboxControl.reset();
        token = null;
    }

    @Override
    public void deleteContact(String contactId) {
        api().delete(API + "/contacts/" + contactId + ".json").then().statusCode(204);
    }

    /** Clio host paths (the documented host, {@code app}); people and companies are both {@code contacts.json}. */
    @Override
    public String createPath(String object) {
        String resource = switch (object) {
            case "contacts", "companies" -> "contacts";
            case "deals" -> "matters";
            default -> object;
        };
        return "/app/api/v4/" + resource + "\\.json";
    }

    @Override
    public String apiPaths() {
        return "/app/api/v4/.*";
    }

    @Override
    public Map<String, Object> changedContactsCalls() {
        return Map.of("method", "GET", "pathPattern", "/app/api/v4/contacts\\.json");
    }

    @Override
    public void faults(Map<String, Object> settings) {
        ClioSandboxControl.control().body(settings).put("/faults").then().statusCode(200);
    }

    @Override
    public void clearFaults() {
        ClioSandboxControl.clearFaults();
    }

    @Override
    public long served(int status) {
        List<Map<String, Object>> counters = ClioSandboxControl.control().get("/counters").then().statusCode(200)
                .extract().jsonPath().getList("counters");
        return counters.stream().filter(c -> ((Number) c.get("status")).intValue() == status)
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    @Override
    public void rateLimit(int maxRequests, long windowMillis) {
        ClioSandboxControl.rateLimit(maxRequests, windowMillis);
    }

    @Override
    public void resetRateLimit() {
        ClioSandboxControl.resetRateLimit();
    }

    private RequestSpecification api() {
        if (token == null) {
            token = given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                    .formParam("refresh_token", "clio-sandbox-refresh").formParam("client_id", "clio-sandbox")
                    .formParam("client_secret", "clio-sandbox-secret").post(CLIO + "/oauth/token")
                    .then().statusCode(200).extract().path("access_token");
        }
        return given().header("Authorization", "Bearer " + token);
    }

    /** The name of a matter's responsible attorney (its owner), or null. */
    public String attorneyOf(String matterId) {
        return api().queryParam("fields", "id,responsible_attorney{id,name}").get(API + "/matters/" + matterId + ".json")
                .then().statusCode(200).extract().path("data.responsible_attorney.name");
    }

    private static List<String> ids(io.restassured.response.Response response) {
        List<Object> ids = response.then().statusCode(200).extract().jsonPath().getList("data.id");
        return ids.stream().map(String::valueOf).toList();
    }

    @Override
    public String toString() {
        return "clio";
    }
}
