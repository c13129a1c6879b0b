package io.crmbridge.sandbox.clio;

import static io.crmbridge.testsupport.ClioSandboxControl.API;
import static io.crmbridge.testsupport.ClioSandboxControl.withToken;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.ClioSandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Clio's records: {"data": ...} both ways, fields=, 422 rules, relationships, etag and If-Match. */
@QuarkusTest
class ClioRecordsTest {

    private static final String TS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d";

    private String token;

    @BeforeEach
    void freshAccount() {
        ClioSandboxControl.reset();
        token = ClioSandboxControl.accessToken();
    }

    private ValidatableResponse post(String resource, Object data, String fields) {
        return withToken(token).queryParam("fields", fields).body(Map.of("data", data)).post(API + "/" + resource + ".json")
                .then();
    }

    private long person(String first, String last, String email) {
        return post("contacts", Map.of("type", "Person", "name", first + " " + last, "first_name", first, "last_name", last, "email_addresses",
                List.of(Map.of("name", "Work", "address", email, "default_email", true))), "id")
                .statusCode(201).extract().jsonPath().getLong("data.id");
    }

    @Test
    void createAnswersDataWithOnlyIdAndEtagWithoutFields() {
        withToken(token).body(Map.of("data", Map.of("type", "Person", "name", "Ada Lovelace", "first_name", "Ada",
                "last_name", "Lovelace"))).post(API + "/contacts.json").then().statusCode(201)
                .body("data", aMapWithSize(2))
                .body("data.id", notNullValue())
                .body("data.etag", matchesPattern("\"[0-9a-f]+\""));
    }

    @Test
    void fieldsSelectsTopLevelAndNestedFieldsAndUnknownFieldsAre400() {
        long id = person("Ada", "Lovelace", "ada@example.test");
        withToken(token).queryParam("fields", "id,name,type,created_at,updated_at,title,email_addresses{address,name}")
                .get(API + "/contacts/" + id + ".json").then().statusCode(200)
                .body("data.name", equalTo("Ada Lovelace"))
                .body("data.type", equalTo("Person"))
                .body("data.title", nullValue())
                .body("data", not(hasKey("etag")))
                .body("data.created_at", matchesPattern(TS))
                .body("data.updated_at", matchesPattern(TS))
                .body("data.email_addresses", hasSize(1))
                .body("data.email_addresses[0]", aMapWithSize(2))
                .body("data.email_addresses[0].address", equalTo("ada@example.test"));
        withToken(token).get(API + "/contacts/" + id + ".json").then().statusCode(200).body("data", aMapWithSize(2));
        withToken(token).queryParam("fields", "id,nickname").get(API + "/contacts/" + id + ".json").then().statusCode(400)
                .body("error.message", containsString("nickname"));
    }

    /** Clio's published schemas declare no field nullable: a conforming answer leaves an empty field out. */
    @Test
    void aFieldWithoutAValueIsLeftOutAndAListWithoutItemsIsEmpty() {
        long id = person("Grace", "Hopper", "grace@example.test");
        withToken(token).queryParam("fields", "id,title,company{id,name},phone_numbers{id,number},primary_phone_number")
                .get(API + "/contacts/" + id + ".json").then().statusCode(200)
                .body("data", not(hasKey("title")))
                .body("data", not(hasKey("company")))
                .body("data", not(hasKey("primary_phone_number")))
                .body("data.phone_numbers", hasSize(0));
    }

    @Test
    void nestedFieldsMustBePublishedAndItemsReadPrimary() {
        long id = person("Ada", "Lovelace", "ada@example.test");
        withToken(token).queryParam("fields", "email_addresses{address,name,default_email}")
                .get(API + "/contacts/" + id + ".json").then().statusCode(400)
                .body("error.type", equalTo("BadRequest")).body("error.message", containsString("default_email"));
        withToken(token).queryParam("fields", "phone_numbers{number,default_number}").get(API + "/contacts/" + id + ".json")
                .then().statusCode(400);
        withToken(token).queryParam("fields", "company{id,nickname}").get(API + "/contacts/" + id + ".json").then()
                .statusCode(400);
        withToken(token).queryParam("fields", "title{id}").get(API + "/contacts/" + id + ".json").then().statusCode(400);
        withToken(token).queryParam("fields", "email_addresses{id,etag,address,name,primary},web_sites{id,address,default_web_site}")
                .get(API + "/contacts/" + id + ".json").then().statusCode(200)
                .body("data.email_addresses[0].primary", equalTo(true))
                .body("data.email_addresses[0].address", equalTo("ada@example.test"));
    }

    @Test
    void createsNeedWhatClioPublishesAsRequired() {
        post("contacts", Map.of("type", "Person", "first_name", "Ada", "last_name", "Lovelace"), "id").statusCode(422)
                .body("error.message", containsString("name"));
        long client = person("Grace", "Hopper", "grace@example.test");
        post("notes", Map.of("type", "Contact", "subject", "Call", "contact", Map.of("id", client),
                "date", "2026-12-01T10:00:00Z"), "id").statusCode(422).body("error.message", containsString("date"));
        post("notes", Map.of("subject", "Call", "contact", Map.of("id", client)), "id").statusCode(422);
        post("notes", Map.of("type", "Contact", "subject", "Call", "contact", Map.of("id", client), "date", "2026-12-01"),
                "date").statusCode(201).body("data.date", equalTo("2026-12-01"));
        long user = withToken(token).queryParam("fields", "id").get(API + "/users.json").then().extract().jsonPath()
                .getLong("data[0].id");
        post("tasks", Map.of("name", "Call back", "assignee", Map.of("id", user, "type", "User")), "id").statusCode(422);
        post("tasks", Map.of("name", "Call back", "description", "d", "assignee", Map.of("id", user)), "id")
                .statusCode(422).body("error.message", containsString("type"));
        post("tasks", Map.of("name", "Call back", "description", "d"), "id").statusCode(422);
        post("tasks", Map.of("name", "Call back", "description", "d", "assignee", Map.of("id", user, "type", "User")),
                "assignee{id,type,name}").statusCode(201).body("data.assignee.type", equalTo("User"));
    }

    @Test
    void answersCarryClioHeadersAndAnExpiredTokenIsInvalidToken() {
        withToken(token).get(API + "/users.json").then().statusCode(200)
                .header("Content-Type", equalTo("application/json; charset=utf-8"))
                .header("X-API-VERSION", equalTo("4.0.13"))
                .header("X-RateLimit-Limit", notNullValue()).header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", notNullValue());
        withToken(token).header("X-API-VERSION", "4.0.9").get(API + "/users.json").then().statusCode(200)
                .header("X-API-VERSION", equalTo("4.0.9"));
        withToken(token).header("X-API-VERSION", "4.9.9").get(API + "/users.json").then().statusCode(410)
                .header("Content-Type", equalTo("application/json; charset=utf-8")).body("error.type", equalTo("Gone"));
        ClioSandboxControl.expireAccessTokens();
        withToken(token).get(API + "/users.json").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("error.type", equalTo("invalid_token")).body("error.message", containsString("expired"));
    }

    @Test
    void bodiesMustBeWrappedInData() {
        withToken(token).body(Map.of("type", "Person", "first_name", "Ada")).post(API + "/contacts.json").then()
                .statusCode(400).body("error.type", equalTo("BadRequest"));
        post("contacts", Map.of("type", "Robot", "name", "R2"), "id").statusCode(422);
        post("contacts", Map.of("type", "Person", "nickname", "Ada"), "id").statusCode(422)
                .body("error.message", containsString("nickname"));
    }

    @Test
    void aMatterNeedsAClientAndADescriptionAndAKnownStatus() {
        long client = person("Grace", "Hopper", "grace@example.test");
        post("matters", Map.of("description", "Estate"), "id").statusCode(422).body("error.type", equalTo("UnprocessableEntity"));
        post("matters", Map.of("client", Map.of("id", client)), "id").statusCode(422);
        post("matters", Map.of("client", Map.of("id", 42), "description", "x"), "id").statusCode(422);
        post("matters", Map.of("client", Map.of("id", client), "description", "x", "status", "won"), "id").statusCode(422);
        post("matters", Map.of("client", Map.of("id", client), "description", "x", "status", "Open"), "id").statusCode(422);
        post("matters", Map.of("client", Map.of("id", client), "description", "Estate"), "id,status,display_number,client{id,name}")
                .statusCode(201)
                .body("data.status", equalTo("Open"))
                .body("data.display_number", equalTo("00001-Hopper"))
                .body("data.client.id", equalTo((int) client))
                .body("data.client.name", equalTo("Grace Hopper"));
        for (String status : List.of("open", "pending", "closed")) {
            post("matters", Map.of("client", Map.of("id", client), "description", "m", "status", status), "status")
                    .statusCode(201).body("data.status", equalTo(status.substring(0, 1).toUpperCase() + status.substring(1)));
        }
        withToken(token).queryParam("status", "pending").queryParam("fields", "status").get(API + "/matters.json").then()
                .statusCode(200).body("data.status", equalTo(List.of("Pending")));
    }

    @Test
    void practiceAreaAndResponsibleAttorneyAreRelationshipObjects() {
        long client = person("Grace", "Hopper", "grace@example.test");
        Map<String, Object> area = withToken(token).queryParam("fields", "id,name").get(API + "/practice_areas.json")
                .then().statusCode(200).extract().path("data[0]");
        Map<String, Object> user = withToken(token).queryParam("fields", "id,name,email,enabled").get(API + "/users.json")
                .then().statusCode(200).body("data.enabled", hasItems(true)).extract().path("data[0]");
        post("matters", Map.of("client", Map.of("id", client), "description", "Custody",
                "practice_area", Map.of("id", area.get("id")), "responsible_attorney", Map.of("id", user.get("id"))),
                "practice_area,responsible_attorney").statusCode(201)
                .body("data.practice_area.id", equalTo(area.get("id")))
                .body("data.practice_area.name", equalTo(area.get("name")))
                .body("data.responsible_attorney.name", equalTo(user.get("name")));
        withToken(token).body(Map.of("data", Map.of("name", "Nobody"))).post(API + "/users.json").then().statusCode(405);
    }

    @Test
    void notesAndTasksBelongToContactsAndMatters() {
        long client = person("Grace", "Hopper", "grace@example.test");
        long matter = post("matters", Map.of("client", Map.of("id", client), "description", "Estate"), "id")
                .statusCode(201).extract().jsonPath().getLong("data.id");
        post("notes", Map.of("type", "Contact", "subject", "Call", "detail", "Called back"), "id").statusCode(422);
        post("notes", Map.of("type", "Contact", "subject", "Call", "contact", Map.of("id", client)), "type,contact{id}")
                .statusCode(201).body("data.contact.id", equalTo((int) client));
        post("notes", Map.of("type", "Matter", "subject", "Filed", "matter", Map.of("id", matter)), "matter")
                .statusCode(201).body("data.matter.display_number", equalTo("00001-Hopper"));
        long user = withToken(token).queryParam("fields", "id").get(API + "/users.json").then().extract().jsonPath()
                .getLong("data[0].id");
        post("tasks", Map.of("description", "no name"), "id").statusCode(422);
        post("tasks", Map.of("name", "File papers", "description", "Court", "due_at", "2026-12-24", "matter", Map.of("id", matter),
                "assignee", Map.of("id", user, "type", "User")), "name,status,assignee,matter{id}").statusCode(201)
                .body("data.status", equalTo("pending"))
                .body("data.assignee.type", equalTo("User"))
                .body("data.matter.id", equalTo((int) matter));
        withToken(token).queryParam("type", "Matter").queryParam("matter_id", matter).queryParam("fields", "id")
                .get(API + "/notes.json").then().statusCode(200).body("data", hasSize(1));
        // Clio's notes index lists one type of note at a time: without type it is refused
        withToken(token).queryParam("matter_id", matter).get(API + "/notes.json").then().statusCode(400);
    }

    @Test
    void everyUpdateChangesTheEtagAndAStaleIfMatchIs412() {
        long id = person("Ada", "Lovelace", "ada@example.test");
        String etag = withToken(token).get(API + "/contacts/" + id + ".json").then().extract().path("data.etag");
        String newer = withToken(token).header("If-Match", etag).queryParam("fields", "etag,title")
                .body(Map.of("data", Map.of("title", "Countess"))).patch(API + "/contacts/" + id + ".json").then()
                .statusCode(200).body("data.title", equalTo("Countess")).extract().path("data.etag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newer);
        withToken(token).header("If-Match", etag).body(Map.of("data", Map.of("title", "Lady")))
                .patch(API + "/contacts/" + id + ".json").then().statusCode(412).body("error.type", equalTo("PreconditionFailed"));
        withToken(token).queryParam("fields", "title").get(API + "/contacts/" + id + ".json").then()
                .body("data.title", equalTo("Countess"));
        withToken(token).body(Map.of("data", Map.of("title", "Lady"))).patch(API + "/contacts/" + id + ".json").then()
                .statusCode(200);
    }

    @Test
    void nestedArraysAddUpdateAndDestroyItemsById() {
        long id = person("Ada", "Lovelace", "ada@example.test");
        long itemId = withToken(token).queryParam("fields", "email_addresses").get(API + "/contacts/" + id + ".json")
                .then().extract().jsonPath().getLong("data.email_addresses[0].id");
        withToken(token).queryParam("fields", "email_addresses{address},primary_email_address")
                .body(Map.of("data", Map.of("email_addresses", List.of(Map.of("id", itemId, "_destroy", true),
                        Map.of("name", "Home", "address", "ada@home.test", "default_email", true)))))
                .patch(API + "/contacts/" + id + ".json").then().statusCode(200)
                .body("data.email_addresses.address", equalTo(List.of("ada@home.test")))
                .body("data.primary_email_address", equalTo("ada@home.test"));
        long home = withToken(token).queryParam("fields", "email_addresses{id}").get(API + "/contacts/" + id + ".json")
                .then().extract().jsonPath().getLong("data.email_addresses[0].id");
        withToken(token).queryParam("fields", "email_addresses{id,address,primary},primary_email_address")
                .body(Map.of("data", Map.of("email_addresses", List.of(
                        Map.of("name", "Work", "address", "ada@work.test", "default_email", true)))))
                .patch(API + "/contacts/" + id + ".json").then().statusCode(200)
                .body("data.email_addresses.primary", equalTo(List.of(false, true)))
                .body("data.primary_email_address", equalTo("ada@work.test"));
        withToken(token).queryParam("fields", "email_addresses{id,address}")
                .body(Map.of("data", Map.of("email_addresses", List.of(Map.of("id", home, "address", "ada@home2.test")))))
                .patch(API + "/contacts/" + id + ".json").then().statusCode(200)
                .body("data.email_addresses.address", equalTo(List.of("ada@home2.test", "ada@work.test")));
    }

    @Test
    void deleteRemovesTheRecord() {
        long id = person("Ada", "Lovelace", "ada@example.test");
        withToken(token).delete(API + "/contacts/" + id + ".json").then().statusCode(204);
        withToken(token).get(API + "/contacts/" + id + ".json").then().statusCode(404).body("error.type", equalTo("NotFound"));
        withToken(token).get(API + "/widgets.json").then().statusCode(404);
    }

    @Test
    void queryAndEmailFindContactsBeforeCreating() {
        person("Ada", "Lovelace", "ada@example.test");
        person("Grace", "Hopper", "grace@example.test");
        post("contacts", Map.of("type", "Company", "name", "Analytical Engines Ltd"), "id").statusCode(201);
        withToken(token).queryParam("email", "GRACE@example.test").queryParam("fields", "name").get(API + "/contacts.json")
                .then().statusCode(200).body("data.name", equalTo(List.of("Grace Hopper"))).body("meta.records", equalTo(1));
        withToken(token).queryParam("query", "lovelace").queryParam("fields", "name").get(API + "/contacts.json").then()
                .body("data.name", equalTo(List.of("Ada Lovelace")));
        withToken(token).queryParam("query", "ada").queryParam("fields", "name").get(API + "/contacts.json").then()
                .body("data", hasSize(1));
        withToken(token).queryParam("type", "Company").queryParam("fields", "name").get(API + "/contacts.json").then()
                .body("data.name", equalTo(List.of("Analytical Engines Ltd")));
    }
}
