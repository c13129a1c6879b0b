package io.crmbridge.sandbox.history;

import static io.crmbridge.sandbox.SandboxClient.createContact;
import static io.crmbridge.sandbox.SandboxClient.crm;
import static io.crmbridge.sandbox.SandboxClient.uniqueEmail;
import static io.crmbridge.testsupport.SandboxControl.control;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code propertiesWithHistory} on single read, list and batch read: API writes are {@code INTEGRATION} with the
 * app id, human edits {@code CRM_UI} with a user id, inserted records {@code IMPORT}; newest first.
 */
@QuarkusTest
class PropertyHistoryApiTest {

    private static final String APP_ID = ConfigProvider.getConfig()
            .getValue("crmbridge.sandbox.oauth.app-id", String.class);
    private static final int FIRST_OWNER_USER = 9_000_001;

    private static JsonPath read(String id, String history) {
        return crm().queryParam("propertiesWithHistory", history).get("/crm/v3/objects/contacts/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void apiWritesAreTheIntegrationAndHumanEditsAPersonNewestFirst() {
        String id = createContact(uniqueEmail("hist"));
        crm().body("{\"properties\":{\"phone\":\"+15550000001\"}}").patch("/crm/v3/objects/contacts/" + id)
                .then().statusCode(200);
        SandboxControl.humanEdit("contacts", id, Map.of("phone", "+15550000002"), 9_000_002);
        String humanAt = SandboxControl.humanEdit("contacts", id, Map.of("jobtitle", "CTO"), null);

        JsonPath r = read(id, "phone,jobtitle,firstname,lastmodifieddate");
        List<Map<String, Object>> phone = r.getList("propertiesWithHistory.phone");
        assertThat(phone).extracting(v -> v.get("value")).containsExactly("+15550000002", "+15550000001");
        assertThat(phone.get(0)).containsEntry("sourceType", "CRM_UI").containsEntry("updatedByUserId", 9_000_002);
        assertThat(phone.get(1)).containsEntry("sourceType", "INTEGRATION").containsEntry("sourceId", APP_ID)
                .doesNotContainKey("updatedByUserId");
        assertThat(Instant.parse((String) phone.get(0).get("timestamp")))
                .isAfterOrEqualTo(Instant.parse((String) phone.get(1).get("timestamp")));

        Map<String, Object> job = r.getMap("propertiesWithHistory.jobtitle[0]");
        assertThat(job).containsEntry("value", "CTO").containsEntry("sourceType", "CRM_UI")
                .containsEntry("updatedByUserId", FIRST_OWNER_USER).containsEntry("timestamp", humanAt);
        assertThat(r.getList("propertiesWithHistory.firstname")).hasSize(1);
        assertThat(r.getString("propertiesWithHistory.firstname[0].sourceType")).isEqualTo("INTEGRATION");
        assertThat(r.getString("propertiesWithHistory.lastmodifieddate[0].value")).isEqualTo(humanAt);
        // Without the parameter, no history.
        crm().get("/crm/v3/objects/contacts/" + id).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("propertiesWithHistory")));
    }

    @Test
    void anUnchangedValueAddsNoVersionAndAClearedOneAnEmptyVersion() {
        String id = createContact(uniqueEmail("same"));
        crm().body("{\"properties\":{\"firstname\":\"Test\",\"city\":\"Leeds\"}}")
                .patch("/crm/v3/objects/contacts/" + id).then().statusCode(200);
        crm().body("{\"properties\":{\"city\":\"\"}}").patch("/crm/v3/objects/contacts/" + id).then().statusCode(200);
        JsonPath r = read(id, "firstname,city");
        assertThat(r.getList("propertiesWithHistory.firstname")).hasSize(1);
        assertThat(r.getList("propertiesWithHistory.city.value")).containsExactly("", "Leeds");
    }

    @Test
    void insertedRecordsAreImportsUntilChanged() {
        String id = control().body("{\"properties\":{\"email\":\"" + uniqueEmail("imp") + "\",\"firstname\":\"Old\"}}")
                .post("/objects/contacts").then().statusCode(201).extract().path("id");
        assertThat(read(id, "firstname").getString("propertiesWithHistory.firstname[0].sourceType"))
                .isEqualTo("IMPORT");
        SandboxControl.humanEdit("contacts", id, Map.of("firstname", "New"), null);
        JsonPath r = read(id, "firstname");
        assertThat(r.getList("propertiesWithHistory.firstname.value")).containsExactly("New", "Old");
        assertThat(r.getList("propertiesWithHistory.firstname.sourceType")).containsExactly("CRM_UI", "IMPORT");
    }

    @Test
    void batchReadsFiftyRecordsWithHistoryAndRefusesFiftyOneAsHubSpotDoes() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            inputs.add(Map.of("properties", Map.of("email", uniqueEmail("b" + i), "jobtitle", "T" + i),
                    "associations", List.of()));
        }
        List<String> ids = crm().body(Map.of("inputs", inputs)).post("/crm/v3/objects/contacts/batch/create")
                .then().statusCode(201).extract().jsonPath().getList("results.id");
        SandboxControl.humanEdit("contacts", ids.get(42), Map.of("jobtitle", "Founder"), 9_000_003);

        Map<String, Object> tooMany = Map.of("inputs", ids.stream().map(id -> Map.of("id", id)).toList(),
                "properties", List.of("jobtitle"), "propertiesWithHistory", List.of("jobtitle"));
        JsonPath refused = crm().body(tooMany).post("/crm/v3/objects/contacts/batch/read").then().statusCode(400)
                .extract().jsonPath();
        assertThat(refused.getString("category")).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.getString("message"))
                .isEqualTo("The maximum number of inputs supported in a batch request for property histories is 50");
        // without history the same 51 inputs are read
        crm().body(Map.of("inputs", tooMany.get("inputs"), "properties", List.of("jobtitle"),
                "propertiesWithHistory", List.of())).post("/crm/v3/objects/contacts/batch/read").then().statusCode(200);

        Map<String, Object> body = Map.of("inputs", ids.subList(1, 51).stream().map(id -> Map.of("id", id)).toList(),
                "properties", List.of("jobtitle"), "propertiesWithHistory", List.of("jobtitle"));
        JsonPath r = crm().body(body).post("/crm/v3/objects/contacts/batch/read").then().statusCode(200)
                .extract().jsonPath();
        assertThat(r.getList("results")).hasSize(50);
        assertThat(r.getList("results.propertiesWithHistory.jobtitle")).allSatisfy(h -> assertThat((List<?>) h)
                .isNotEmpty());
        Map<String, Object> edited = r.getMap("results.find { it.id == '" + ids.get(42) + "' }");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = ((Map<String, List<Map<String, Object>>>) edited
                .get("propertiesWithHistory")).get("jobtitle");
        assertThat(versions).extracting(v -> v.get("sourceType")).containsExactly("CRM_UI", "INTEGRATION");
        assertThat(versions.get(0)).containsEntry("updatedByUserId", 9_000_003).containsEntry("value", "Founder");
    }

    @Test
    void listWithHistoryReturnsHistoryPerRecord() {
        String id = createContact(uniqueEmail("list"));
        JsonPath page = crm().queryParam("limit", 100).queryParam("after", Long.parseLong(id) - 1)
                .queryParam("propertiesWithHistory", "email").get("/crm/v3/objects/contacts")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("results")).hasSizeLessThanOrEqualTo(50).isNotEmpty();
        assertThat(page.getString("results[0].id")).isEqualTo(id);
        assertThat(page.getString("results[0].propertiesWithHistory.email[0].sourceType")).isEqualTo("INTEGRATION");
    }
}
