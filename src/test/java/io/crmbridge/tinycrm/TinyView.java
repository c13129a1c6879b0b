package io.crmbridge.tinycrm;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.crmbridge.testsupport.CrmView;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The tiny CRM ({@link TinyCrmServer}) as the shared suites see it: connection {@code tiny}, source {@code webform-tiny}. */
public final class TinyView implements CrmView {

    private static final String API = TinyCrmServer.ROOT + "/api";
    private static final String CONTROL = TinyCrmServer.ROOT + "/_control";

    @Override
    public String connection() {
        return "tiny";
    }

    @Override
    public String webformSource() {
        return "webform-tiny";
    }

    @Override
    public List<String> contactsByEmail(String email) {
        return ids(api().queryParam("email", email).get(API + "/contacts"));
    }

    @Override
    public List<String> companiesByDomain(String domain) {
        return ids(api().queryParam("domain", domain).get(API + "/companies"));
    }

    @Override
    public List<String> dealsOf(String contactId) {
        return linked(contactId, "deals");
    }

    @Override
    public List<String> companiesOf(String contactId) {
        return linked(contactId, "companies");
    }

    @Override
    public List<String> notesOf(String contactId) {
        return linked(contactId, "notes");
    }

    @Override
    public String insertContact(String email, String firstName, String lastName) {
        return api().contentType(ContentType.JSON)
                .body(Map.of("properties", Map.of("email", email, "first_name", firstName, "last_name", lastName)))
                .post(API + "/contacts").then().statusCode(201).extract().path("id");
    }

    @Override
    public void humanEditLastName(String contactId, String lastName) {
        api().contentType(ContentType.JSON).body(Map.of("properties", Map.of("last_name", lastName)))
                .patch(API + "/contacts/" + contactId).then().statusCode(200);
    }

    @Override
    public void seedContacts(int n) {
        given().contentType(ContentType.JSON).body(Map.of("object", "contacts", "count", n)).post(CONTROL + "/seed")
                .then().statusCode(200);
    }

    @Override
    public void reset() {
        given().post(CONTROL + "/reset").then().statusCode(200);
    }

    @Override
    public void deleteContact(String contactId) {
        api().delete(API + "/contacts/" + contactId).then().statusCode(204);
    }

    @Override
    public String createPath(String object) {
        return "/api/" + object;
    }

    @Override
    public String apiPaths() {
        return "/api/.*";
    }

    @Override
    public Map<String, Object> changedContactsCalls() {
        return Map.of("method", "GET", "pathPattern", "/api/contacts/changes");
    }

    @Override
    public void faults(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put(CONTROL + "/faults").then().statusCode(200);
    }

    @Override
    public void clearFaults() {
        given().delete(CONTROL + "/faults").then().statusCode(200);
    }

    @Override
    public long served(int status) {
        Object count = given().get(CONTROL + "/counters").then().statusCode(200).extract().path("'" + status + "'");
        return count == null ? 0 : ((Number) count).longValue();
    }

    @Override
    public void rateLimit(int maxRequests, long windowMillis) {
        given().contentType(ContentType.JSON).body(Map.of("maxRequests", maxRequests, "windowMillis", windowMillis))
                .put(CONTROL + "/rate-limit").then().statusCode(200);
    }

    @Override
    public void resetRateLimit() {
        given().delete(CONTROL + "/rate-limit").then().statusCode(200);
    }

    private List<String> linked(String id, String to) {
        return api().get(API + "/contacts/" + id + "/links/" + to).then().statusCode(200).extract().jsonPath()
                .getList("ids", String.class);
    }

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TinyCrmServer.TOKEN);
    }

    private static List<String> ids(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("results.id", String.class);
    }

    @Override
    public String toString() {
        return "tiny";
    }
}
