package io.crmbridge.sandbox.objects;

import static io.crmbridge.sandbox.SandboxClient.createContact;
import static io.crmbridge.sandbox.SandboxClient.crm;
import static io.crmbridge.sandbox.SandboxClient.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.SandboxClient;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/** Single-record endpoints of every object type: create, read (by id and idProperty), update, archive, list. */
@QuarkusTest
class ObjectsCrudTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void createsAContactWithManagedProperties() {
        String email = uniqueEmail("crud");
        crm().body("{\"properties\":{\"email\":\"" + email + "\",\"firstname\":\"Ada\",\"lifecyclestage\":\"lead\","
                + "\"crmbridge_origin\":\"bridge:test\"}}")
                .post("/crm/v3/objects/contacts").then().statusCode(201)
                .body("id", matchesPattern("\\d+"))
                .body("archived", equalTo(false))
                .body("createdAt", matchesPattern(ISO_MILLIS))
                .body("updatedAt", matchesPattern(ISO_MILLIS))
                .body("properties.email", equalTo(email))
                .body("properties.crmbridge_origin", equalTo("bridge:test"))
                .body("properties.createdate", matchesPattern(ISO_MILLIS))
                .body("properties.hs_lastmodifieddate", matchesPattern(ISO_MILLIS))
                .body("properties.lastmodifieddate", matchesPattern(ISO_MILLIS))
                .body("properties.hs_object_id", notNullValue());
    }

    @Test
    void readsByIdWithChosenPropertiesAndByEmail() {
        String email = uniqueEmail("read");
        String id = createContact(email);
        crm().get("/crm/v3/objects/contacts/" + id + "?properties=firstname,hs_object_id")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("properties.firstname", equalTo("Test"))
                .body("properties.hs_object_id", equalTo(id))
                .body("properties", not(hasKey("email")));
        crm().get("/crm/v3/objects/contacts/" + email + "?idProperty=email")
                .then().statusCode(200).body("id", equalTo(id)).body("properties.email", equalTo(email));
        crm().get("/crm/v3/objects/contacts/" + email.toUpperCase() + "?idProperty=email")
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void unknownIdIs404InHubSpotShape() {
        crm().get("/crm/v3/objects/contacts/999999999").then().statusCode(404)
                .body("status", equalTo("error"))
                .body("category", equalTo("OBJECT_NOT_FOUND"))
                .body("correlationId", notNullValue())
                .body("message", notNullValue());
        crm().get("/crm/v3/objects/contacts/nobody@example.test?idProperty=email").then().statusCode(404);
        crm().body("{\"properties\":{\"firstname\":\"x\"}}").patch("/crm/v3/objects/contacts/999999999")
                .then().statusCode(404);
    }

    @Test
    void unknownPropertyIs400WithValidationDetails() {
        crm().body("{\"properties\":{\"email\":\"" + uniqueEmail("bad") + "\",\"favourite_colour\":\"blue\"}}")
                .post("/crm/v3/objects/contacts").then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"))
                .body("message", containsString("Property values were not valid: ["))
                .body("message", containsString("PROPERTY_DOESNT_EXIST"))
                .body("errors[0].code", equalTo("PROPERTY_DOESNT_EXIST"))
                .body("errors[0].context.propertyName", equalTo(List.of("favourite_colour")));
    }

    @Test
    void invalidEnumerationValueIs400InvalidOption() {
        crm().body("{\"properties\":{\"email\":\"" + uniqueEmail("enum") + "\",\"lifecyclestage\":\"prospect\"}}")
                .post("/crm/v3/objects/contacts").then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"))
                .body("errors[0].code", equalTo("INVALID_OPTION"))
                .body("errors[0].context.propertyName", equalTo(List.of("lifecyclestage")));
        crm().body("{\"properties\":{\"dealname\":\"x\",\"dealstage\":\"won\"}}")
                .post("/crm/v3/objects/deals").then().statusCode(400).body("errors[0].code", equalTo("INVALID_OPTION"));
        crm().body("{\"properties\":{\"dealname\":\"x\",\"amount\":\"lots\"}}")
                .post("/crm/v3/objects/deals").then().statusCode(400);
    }

    @Test
    void duplicateEmailIs409WithTheExistingId() {
        String email = uniqueEmail("dup");
        String id = createContact(email);
        crm().body("{\"properties\":{\"email\":\"" + email.toUpperCase() + "\"}}")
                .post("/crm/v3/objects/contacts").then().statusCode(409)
                .body("category", equalTo("CONFLICT"))
                .body("message", equalTo("Contact already exists. Existing ID: " + id));
    }

    @Test
    void updatesByIdAndByEmailAndMovesTheModificationTime() {
        String email = uniqueEmail("upd");
        String id = createContact(email);
        String before = crm().get("/crm/v3/objects/contacts/" + id + "?properties=hs_lastmodifieddate")
                .then().extract().path("properties.hs_lastmodifieddate");
        org.awaitility.Awaitility.await().until(() -> SandboxControl.control().get("/clock").then().extract()
                .<String>path("now").compareTo(before) > 0);
        crm().body("{\"properties\":{\"lastname\":\"Lovelace\",\"lifecyclestage\":\"customer\"}}")
                .patch("/crm/v3/objects/contacts/" + id).then().statusCode(200)
                .body("properties.lastname", equalTo("Lovelace"))
                .body("properties.hs_lastmodifieddate", not(equalTo(before)));
        crm().body("{\"properties\":{\"phone\":\"+15550100\"}}")
                .patch("/crm/v3/objects/contacts/" + email + "?idProperty=email").then().statusCode(200)
                .body("id", equalTo(id)).body("properties.phone", equalTo("+15550100"))
                .body("properties.lastname", equalTo("Lovelace"));
        crm().body("{\"properties\":{\"lifecyclestage\":\"bogus\"}}")
                .patch("/crm/v3/objects/contacts/" + id).then().statusCode(400);
    }

    @Test
    void archiveThenReadIs404AndArchivedReadFindsIt() {
        String id = createContact(uniqueEmail("arch"));
        crm().delete("/crm/v3/objects/contacts/" + id).then().statusCode(204);
        crm().get("/crm/v3/objects/contacts/" + id).then().statusCode(404);
        crm().get("/crm/v3/objects/contacts/" + id + "?archived=true").then().statusCode(200)
                .body("archived", equalTo(true)).body("archivedAt", matchesPattern(ISO_MILLIS));
        crm().delete("/crm/v3/objects/contacts/" + id).then().statusCode(204);
    }

    @Test
    void dealsAnswerUnderTheirTypeIdToo() {
        String id = SandboxClient.create("0-3", "{\"dealname\":\"Renewal\",\"amount\":1200,\"dealstage\":\"closedwon\","
                + "\"pipeline\":\"default\"}");
        crm().get("/crm/v3/objects/deals/" + id).then().statusCode(200)
                .body("properties.dealname", equalTo("Renewal"))
                .body("properties.amount", equalTo("1200"))
                .body("properties.dealstage", equalTo("closedwon"));
        crm().get("/crm/v3/objects/0-3/" + id).then().statusCode(200);
        crm().get("/crm/v3/objects/widgets/1").then().statusCode(400);
    }

    @Test
    void everyObjectTypeStoresItsProperties() {
        String company = SandboxClient.create("companies", "{\"name\":\"Acme\",\"domain\":\"acme.example\"}");
        String note = SandboxClient.create("notes", "{\"hs_note_body\":\"hello\",\"hs_timestamp\":\"2026-01-01T00:00:00Z\"}");
        String task = SandboxClient.create("tasks", "{\"hs_task_subject\":\"Call\",\"hs_task_status\":\"NOT_STARTED\"}");
        String ticket = SandboxClient.create("tickets", "{\"subject\":\"Broken\",\"hs_pipeline\":\"0\"}");
        crm().get("/crm/v3/objects/companies/" + company).then().statusCode(200).body("properties.domain", equalTo("acme.example"));
        crm().get("/crm/v3/objects/notes/" + note + "?properties=hs_note_body").then().body("properties.hs_note_body", equalTo("hello"));
        crm().get("/crm/v3/objects/tasks/" + task + "?properties=hs_task_status").then().body("properties.hs_task_status", equalTo("NOT_STARTED"));
        crm().get("/crm/v3/objects/tickets/" + ticket).then().body("properties.subject", equalTo("Broken"));
        crm().body("{\"properties\":{\"hs_task_status\":\"DONE\"}}").post("/crm/v3/objects/tasks").then().statusCode(400);
    }

    @Test
    void listPagesByIdWithNextAfter() {
        String first = SandboxClient.create("tickets", "{\"subject\":\"l1\"}");
        SandboxClient.create("tickets", "{\"subject\":\"l2\"}");
        String after = String.valueOf(Long.parseLong(first) - 1);
        crm().get("/crm/v3/objects/tickets?limit=1&after=" + after + "&properties=subject").then().statusCode(200)
                .body("results[0].id", equalTo(first))
                .body("results[0].properties.subject", equalTo("l1"))
                .body("paging.next.after", equalTo(first));
        crm().get("/crm/v3/objects/tickets?limit=101").then().statusCode(400);
        String archived = SandboxClient.create("tickets", "{\"subject\":\"gone\"}");
        crm().delete("/crm/v3/objects/tickets/" + archived).then().statusCode(204);
        crm().get("/crm/v3/objects/tickets?archived=true&limit=100").then().statusCode(200)
                .body("results.id", hasItem(archived));
    }

    @Test
    void aBodyOfTheWrongShapeGetsHubSpotsErrorBody() {
        SandboxClient.crm().body("{\"properties\":[\"email\"]}")
                .post("/crm/v3/objects/companies").then().statusCode(400)
                .body("category", org.hamcrest.Matchers.equalTo("VALIDATION_ERROR"))
                .body("correlationId", org.hamcrest.Matchers.notNullValue())
                .body("message", org.hamcrest.Matchers.startsWith("Invalid input JSON"));
    }

    @Test
    void aBodyThatIsNotJsonGetsHubSpotsErrorBody() {
        SandboxClient.crm().body("{not json")
                .post("/crm/v3/objects/contacts").then().statusCode(400)
                .body("category", org.hamcrest.Matchers.equalTo("VALIDATION_ERROR"));
    }
}
