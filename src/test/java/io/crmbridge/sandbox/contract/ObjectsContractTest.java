package io.crmbridge.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** CRM objects v3 basic operations, every served type, success and error answers, held to the description. */
@QuarkusTest
class ObjectsContractTest extends ContractTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"contacts", "companies", "deals", "0-3", "notes", "tasks", "tickets"})
    void createReadUpdateListArchive(String type) {
        Map<String, String> properties = sampleProperties(type);
        String id = create(type, properties);
        String first = properties.keySet().iterator().next();

        api().queryParam("properties", first).queryParam("archived", false)
                .get(OBJECTS + "/" + type + "/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("properties." + first, equalTo(properties.get(first)));

        api().body(Map.of("properties", Map.of("hubspot_owner_id", "101")))
                .patch(OBJECTS + "/" + type + "/" + id)
                .then().statusCode(200).body("properties.hubspot_owner_id", equalTo("101"));

        api().queryParam("limit", 2).queryParam("properties", first)
                .get(OBJECTS + "/" + type)
                .then().statusCode(200);

        api().delete(OBJECTS + "/" + type + "/" + id).then().statusCode(204);
        api().get(OBJECTS + "/" + type + "/" + id).then().statusCode(404);
        api().queryParam("archived", true).get(OBJECTS + "/" + type + "/" + id)
                .then().statusCode(200).body("archived", equalTo(true));

        assertServerSawOnlyValidRequests();
    }

    @Test
    void listPagesWithAfter() {
        for (int i = 0; i < 3; i++) {
            create("companies", sampleProperties("companies"));
        }
        String after = api().queryParam("limit", 2).get(OBJECTS + "/companies")
                .then().statusCode(200).extract().path("paging.next.after");
        assertThat(after).isNotBlank();

        api().queryParam("limit", 2).queryParam("after", after).get(OBJECTS + "/companies").then().statusCode(200);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void readByUniquePropertyWithIdProperty() {
        Map<String, String> properties = sampleProperties("contacts");
        String id = create("contacts", properties);

        api().queryParam("idProperty", "email").get(OBJECTS + "/contacts/" + properties.get("email"))
                .then().statusCode(200).body("id", equalTo(id));
        api().queryParam("idProperty", "email").body(Map.of("properties", Map.of("firstname", "Augusta")))
                .patch(OBJECTS + "/contacts/" + properties.get("email"))
                .then().statusCode(200).body("properties.firstname", equalTo("Augusta"));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void requestedPropertyWithoutValueComesBackAsNull() {
        String id = create("contacts", Map.of("email", uniqueEmail()));

        api().queryParam("properties", "email", "phone").get(OBJECTS + "/contacts/" + id)
                .then().statusCode(200).body("properties", hasKey("email"));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void createWithInlineAssociations() {
        String contact = create("contacts", sampleProperties("contacts"));
        Map<String, Object> body = Map.of("properties", sampleProperties("deals"), "associations", List.of(Map.of(
                "to", Map.of("id", contact),
                "types", List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 3)))));

        api().body(body).post(OBJECTS + "/deals").then().statusCode(201);
        assertServerSawOnlyValidRequests();
    }

    // ---------------------------------------------------------------- error answers

    @Test
    void unknownPropertyIs400() {
        api().body(Map.of("properties", Map.of("no_such_property", "x")))
                .post(OBJECTS + "/contacts")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void invalidEnumerationValueIs400() {
        api().body(Map.of("properties", Map.of("email", uniqueEmail(), "lifecyclestage", "royalty")))
                .post(OBJECTS + "/contacts")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void unknownObjectTypeIs400() {
        invalid().get(OBJECTS + "/widgets").then().statusCode(400);
    }

    @Test
    void unknownIdIs404() {
        api().get(OBJECTS + "/contacts/999999999").then().statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND"));
        api().body(Map.of("properties", Map.of("firstname", "Nobody")))
                .patch(OBJECTS + "/contacts/999999999")
                .then().statusCode(404);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void archivingAnUnknownIdIs204AsInHubSpot() {
        api().delete(OBJECTS + "/contacts/999999999").then().statusCode(204);
    }

    @Test
    void duplicateUniqueValueIs409() {
        Map<String, String> properties = sampleProperties("contacts");
        create("contacts", properties);

        api().body(Map.of("properties", properties))
                .post(OBJECTS + "/contacts")
                .then().statusCode(409).body("category", equalTo("CONFLICT")).body("$", not(hasKey("results")));
    }
}
