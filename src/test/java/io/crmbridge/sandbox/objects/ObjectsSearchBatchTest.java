package io.crmbridge.sandbox.objects;

import static io.crmbridge.sandbox.SandboxClient.createContact;
import static io.crmbridge.sandbox.SandboxClient.crm;
import static io.crmbridge.sandbox.SandboxClient.uniqueEmail;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.SandboxClient;
import io.quarkus.test.junit.QuarkusTest;

/** Search and batch endpoints over HTTP, including their error answers. */
@QuarkusTest
class ObjectsSearchBatchTest {

    private static String eventFilter(String eventId) {
        return "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"crmbridge_event_id\",\"operator\":\"EQ\",\"value\":\""
                + eventId + "\"}]}]";
    }

    @Test
    void searchFiltersSortsAndPages() {
        String tag = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(SandboxClient.create("contacts", "{\"email\":\"" + uniqueEmail("s" + i) + "\",\"crmbridge_event_id\":\""
                    + tag + "\"}"));
        }
        crm().body(eventFilter(tag) + ",\"sorts\":[{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":\"ASCENDING\"}],"
                + "\"limit\":2,\"properties\":[\"email\",\"crmbridge_event_id\"]}")
                .post("/crm/v3/objects/contacts/search").then().statusCode(200)
                .body("total", equalTo(3))
                .body("results", hasSize(2))
                .body("results[0].id", equalTo(ids.get(0)))
                .body("results[0].properties.crmbridge_event_id", equalTo(tag))
                .body("paging.next.after", equalTo("2"));
        crm().body(eventFilter(tag) + ",\"sorts\":[\"hs_lastmodifieddate\"],\"limit\":2,\"after\":\"2\"}")
                .post("/crm/v3/objects/contacts/search").then().statusCode(200)
                .body("total", equalTo(3))
                .body("results.id", equalTo(List.of(ids.get(2))))
                .body("paging", nullValue());
    }

    @Test
    void searchRejectsLimitAbove200AndPagingPast10000() {
        crm().body("{\"limit\":201}").post("/crm/v3/objects/contacts/search").then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"));
        crm().body("{\"limit\":10,\"after\":\"10000\"}").post("/crm/v3/objects/contacts/search").then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"));
        crm().body("{\"limit\":200,\"after\":\"9999\"}").post("/crm/v3/objects/contacts/search").then().statusCode(200);
    }

    @Test
    void batchCreateAndReadByEmail() {
        String a = uniqueEmail("ba");
        String b = uniqueEmail("bb");
        crm().body("{\"inputs\":[{\"properties\":{\"email\":\"" + a + "\"}},{\"properties\":{\"email\":\"" + b + "\"}}]}")
                .post("/crm/v3/objects/contacts/batch/create").then().statusCode(201)
                .body("status", equalTo("COMPLETE"))
                .body("results", hasSize(2))
                .body("startedAt", notNullValue())
                .body("completedAt", notNullValue());
        crm().body("{\"idProperty\":\"email\",\"properties\":[\"email\"],\"inputs\":[{\"id\":\"" + a + "\"},{\"id\":\"" + b + "\"}]}")
                .post("/crm/v3/objects/contacts/batch/read").then().statusCode(200)
                .body("results.properties.email", containsInAnyOrder(a, b))
                .body("numErrors", nullValue());
    }

    @Test
    void batchReadWithMissingIdsIs207() {
        String id = createContact(uniqueEmail("br"));
        crm().body("{\"properties\":[\"email\"],\"inputs\":[{\"id\":\"" + id + "\"},{\"id\":\"999999998\"}]}")
                .post("/crm/v3/objects/contacts/batch/read").then().statusCode(207)
                .body("results", hasSize(1))
                .body("numErrors", equalTo(1))
                .body("errors[0].category", equalTo("OBJECT_NOT_FOUND"))
                .body("errors[0].context.ids", equalTo(List.of("999999998")));
    }

    @Test
    void batchCreateWithADuplicateEmailIs207() {
        String taken = uniqueEmail("taken");
        createContact(taken);
        String fresh = uniqueEmail("fresh");
        crm().body("{\"inputs\":[{\"properties\":{\"email\":\"" + fresh + "\"}},{\"properties\":{\"email\":\"" + taken + "\"}}]}")
                .post("/crm/v3/objects/contacts/batch/create").then().statusCode(207)
                .body("results.properties.email", equalTo(List.of(fresh)))
                .body("numErrors", equalTo(1))
                .body("errors[0].category", equalTo("CONFLICT"));
    }

    @Test
    void batchWithAnInvalidPropertyIs400AndWritesNothing() {
        String email = uniqueEmail("inv");
        crm().body("{\"inputs\":[{\"properties\":{\"email\":\"" + email + "\"}},{\"properties\":{\"nope\":\"x\"}}]}")
                .post("/crm/v3/objects/contacts/batch/create").then().statusCode(400)
                .body("errors[0].code", equalTo("PROPERTY_DOESNT_EXIST"));
        crm().get("/crm/v3/objects/contacts/" + email + "?idProperty=email").then().statusCode(404);
    }

    @Test
    void batchOfMoreThan100InputsIs400() {
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            inputs.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\"}");
        }
        for (String op : List.of("read", "create", "update", "upsert", "archive")) {
            crm().body("{\"inputs\":[" + inputs + "]}").post("/crm/v3/objects/contacts/batch/" + op)
                    .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
        }
    }

    @Test
    void batchUpdateReportsUnknownIdsAs207() {
        String id = createContact(uniqueEmail("bu"));
        crm().body("{\"inputs\":[{\"id\":\"" + id + "\",\"properties\":{\"firstname\":\"Grace\"}},"
                + "{\"id\":\"999999997\",\"properties\":{\"firstname\":\"Nobody\"}}]}")
                .post("/crm/v3/objects/contacts/batch/update").then().statusCode(207)
                .body("results[0].properties.firstname", equalTo("Grace"))
                .body("errors[0].category", equalTo("OBJECT_NOT_FOUND"));
        crm().body("{\"inputs\":[{\"id\":\"" + id + "\",\"properties\":{\"lastname\":\"Hopper\"}}]}")
                .post("/crm/v3/objects/contacts/batch/update").then().statusCode(200)
                .body("results[0].properties.lastname", equalTo("Hopper"));
    }

    @Test
    void batchUpsertByEmailCreatesOrUpdates() {
        String existing = uniqueEmail("up-old");
        String id = createContact(existing);
        String fresh = uniqueEmail("up-new");
        crm().body("{\"inputs\":[{\"id\":\"" + existing + "\",\"idProperty\":\"email\",\"properties\":{\"firstname\":\"Old\"}},"
                + "{\"id\":\"" + fresh + "\",\"idProperty\":\"email\",\"properties\":{\"firstname\":\"New\"}}]}")
                .post("/crm/v3/objects/contacts/batch/upsert").then().statusCode(200)
                .body("results[0].id", equalTo(id))
                .body("results[0].new", equalTo(false))
                .body("results[0].properties.firstname", equalTo("Old"))
                .body("results[1].new", equalTo(true))
                .body("results[1].properties.email", equalTo(fresh));
        crm().get("/crm/v3/objects/contacts/" + fresh + "?idProperty=email").then().statusCode(200);
    }

    @Test
    void batchArchiveIs204AndRecordsAreGone() {
        String a = createContact(uniqueEmail("bx"));
        String b = createContact(uniqueEmail("by"));
        crm().body("{\"inputs\":[{\"id\":\"" + a + "\"},{\"id\":\"" + b + "\"},{\"id\":\"999999996\"}]}")
                .post("/crm/v3/objects/contacts/batch/archive").then().statusCode(204);
        crm().get("/crm/v3/objects/contacts/" + a).then().statusCode(404);
        crm().body("{\"properties\":[\"email\"],\"inputs\":[{\"id\":\"" + b + "\"}]}")
                .post("/crm/v3/objects/contacts/batch/read?archived=true").then().statusCode(200)
                .body("results[0].archived", equalTo(true));
    }
}
