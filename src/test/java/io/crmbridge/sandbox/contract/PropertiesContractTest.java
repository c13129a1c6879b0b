package io.crmbridge.sandbox.contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Properties API subset and unique value properties: create, 409 on a second create, list and read, 403 without
 * the schema scope, unique values enforced on create and update, upsert and (batch) read by the unique property.
 * Every request and answer is held to the sandbox's description.
 */
@QuarkusTest
class PropertiesContractTest extends ContractTestSupport {

    static final String PROPERTIES = BASE + "/crm/v3/properties";

    @AfterEach
    void resetProperties() {
        SandboxControl.resetProperties();
    }

    @Test
    void createThenConflictListAndRead() {
        String name = propertyName();
        api().body(uniqueKey(name)).post(PROPERTIES + "/companies").then().statusCode(201)
                .body("name", equalTo(name)).body("hasUniqueValue", equalTo(true)).body("type", equalTo("string"))
                .body("hubspotDefined", equalTo(false));

        api().body(uniqueKey(name)).post(PROPERTIES + "/companies").then().statusCode(409)
                .body("category", equalTo("OBJECT_ALREADY_EXISTS"));
        api().get(PROPERTIES + "/companies").then().statusCode(200)
                .body("results.name", hasItem(name)).body("results.name", hasItem("domain"));
        api().get(PROPERTIES + "/companies/" + name).then().statusCode(200).body("label", equalTo("Key " + name));
        api().get(PROPERTIES + "/deals/" + name).then().statusCode(404);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void withoutTheSchemaScopeCreatingAnswers403MissingScopes() {
        SandboxControl.missingSchemaScope(true);
        String name = propertyName();
        api().body(uniqueKey(name)).post(PROPERTIES + "/deals").then().statusCode(403)
                .body("category", equalTo("MISSING_SCOPES"))
                .body("errors[0].context.requiredGranularScopes", equalTo(List.of("crm.schemas.deals.write")));
        api().body(Map.of("inputs", List.of(uniqueKey(name)))).post(PROPERTIES + "/deals/batch/create").then()
                .statusCode(403).body("category", equalTo("MISSING_SCOPES"));
        api().get(PROPERTIES + "/deals/" + name).then().statusCode(404);

        SandboxControl.missingSchemaScope(false);
        api().body(uniqueKey(name)).post(PROPERTIES + "/deals").then().statusCode(201);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void batchCreateReportsTheExistingOneAndCreatesTheOthers() {
        String taken = propertyName();
        String fresh = propertyName();
        api().body(uniqueKey(taken)).post(PROPERTIES + "/tickets").then().statusCode(201);

        api().body(Map.of("inputs", List.of(uniqueKey(taken), uniqueKey(fresh))))
                .post(PROPERTIES + "/tickets/batch/create").then().statusCode(207)
                .body("results.name", equalTo(List.of(fresh))).body("numErrors", equalTo(1))
                .body("errors[0].category", equalTo("OBJECT_ALREADY_EXISTS"));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void aUniqueValueIsHeldByOneRecordOnly() {
        String key = propertyName();
        api().body(uniqueKey(key)).post(PROPERTIES + "/companies").then().statusCode(201);
        String value = "acme-" + UUID.randomUUID();
        String first = create("companies", Map.of("name", "Acme", key, value));
        String second = create("companies", Map.of("name", "Other"));

        api().body(Map.of("properties", Map.of("name", "Acme again", key, value))).post(OBJECTS + "/companies")
                .then().statusCode(409).body("category", equalTo("CONFLICT"));
        api().body(Map.of("properties", Map.of(key, value))).patch(OBJECTS + "/companies/" + second)
                .then().statusCode(409).body("category", equalTo("CONFLICT"));
        api().queryParam("idProperty", key).queryParam("properties", "name")
                .get(OBJECTS + "/companies/" + value).then().statusCode(200)
                .body("id", equalTo(first)).body("properties.name", equalTo("Acme"));
        // the record keeping the value may write it again
        api().body(Map.of("properties", Map.of(key, value, "name", "Acme Ltd"))).patch(OBJECTS + "/companies/" + first)
                .then().statusCode(200);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void upsertByTheUniquePropertyCreatesOnceThenUpdates() {
        // notes hold no unique value on HubSpot; an account that could is a setting
        SandboxControl.uniqueValueObjectTypes("contacts", "companies", "deals", "tickets", "notes");
        String key = propertyName();
        api().body(uniqueKey(key)).post(PROPERTIES + "/notes").then().statusCode(201);
        String value = "event-" + UUID.randomUUID();

        String id = api().body(upsert(key, value, "first")).post(OBJECTS + "/notes/batch/upsert").then()
                .statusCode(200).body("results", hasSize(1)).body("results[0].new", equalTo(true))
                .extract().path("results[0].id");
        api().body(upsert(key, value, "second")).post(OBJECTS + "/notes/batch/upsert").then()
                .statusCode(200).body("results[0].new", equalTo(false)).body("results[0].id", equalTo(id))
                .body("results[0].properties.hs_note_body", equalTo("second"));

        String missing = "event-" + UUID.randomUUID();
        api().body(Map.of("idProperty", key, "properties", List.of("hs_note_body", key),
                "inputs", List.of(Map.of("id", value), Map.of("id", missing))))
                .post(OBJECTS + "/notes/batch/read").then().statusCode(207)
                .body("results", hasSize(1)).body("results[0].id", equalTo(id))
                .body("results[0].properties.hs_note_body", equalTo("second"))
                .body("errors[0].context.ids", equalTo(List.of(missing)));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void notesAndTasksRefuseUniqueValuesByDefaultAsOnHubSpot() {
        String key = propertyName();
        api().body(uniqueKey(key)).post(PROPERTIES + "/tasks").then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"));
        api().body(uniqueKey(key)).post(PROPERTIES + "/notes").then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"));

        Map<String, Object> plain = new java.util.HashMap<>(uniqueKey(key));
        plain.put("hasUniqueValue", false);
        api().body(plain).post(PROPERTIES + "/tasks").then().statusCode(201).body("hasUniqueValue", equalTo(false));
        String task = create("tasks", Map.of("hs_task_subject", "Call", key, "k1"));
        create("tasks", Map.of("hs_task_subject", "Call again", key, "k1"));
        api().queryParam("idProperty", key).get(OBJECTS + "/tasks/k1").then().statusCode(400);
        api().queryParam("properties", key).get(OBJECTS + "/tasks/" + task).then().statusCode(200)
                .body("properties." + key, equalTo("k1"));
        assertServerSawOnlyValidRequests();
    }

    private static String propertyName() {
        return "crmbridge_key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static Map<String, Object> uniqueKey(String name) {
        return Map.of("name", name, "label", "Key " + name, "type", "string", "fieldType", "text",
                "groupName", "crmbridge", "hasUniqueValue", true);
    }

    private static Map<String, Object> upsert(String key, String value, String body) {
        return Map.of("inputs", List.of(Map.of("idProperty", key, "id", value,
                "properties", Map.of("hs_note_body", body, "hs_timestamp", "2026-11-22T10:15:30.123Z"))));
    }
}
