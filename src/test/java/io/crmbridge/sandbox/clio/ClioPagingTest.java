package io.crmbridge.sandbox.clio;

import static io.crmbridge.testsupport.ClioSandboxControl.API;
import static io.crmbridge.testsupport.ClioSandboxControl.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.ClioSandboxControl;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Clio's index: limit up to 200, cursor paging with order=id(asc), offset paging that stops at 10,000, updated_since. */
@QuarkusTest
class ClioPagingTest {

    private String token;

    @BeforeEach
    void freshAccount() {
        ClioSandboxControl.reset();
        token = ClioSandboxControl.accessToken();
    }

    /** Follows meta.paging.next (a full URL) from the first page; answers every id seen, in order. */
    private List<Long> follow(Map<String, Object> query, int expectedRecords) {
        List<Long> ids = new ArrayList<>();
        JsonPath page = withToken(token).queryParams(query).get(API + "/contacts.json").then().statusCode(200)
                .extract().jsonPath();
        int pages = 1;
        while (true) {
            assertEquals(expectedRecords, page.getInt("meta.records"));
            ids.addAll(page.getList("data.id", Long.class));
            String next = page.getString("meta.paging.next");
            if (next == null) {
                return ids;
            }
            assertTrue(next.startsWith("http"), "next is a full URL: " + next);
            assertTrue(pages++ < 100, "paging ends");
            page = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token).get(next).then()
                    .statusCode(200).extract().jsonPath();
        }
    }

    @Test
    void orderIdAscPagesThroughEverythingByFollowingNext() {
        ClioSandboxControl.seed("contacts", 450);
        List<Long> ids = follow(Map.of("order", "id(asc)", "limit", 200, "fields", "id"), 450);
        assertEquals(450, ids.size());
        assertEquals(450, new LinkedHashSet<>(ids).size());
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        withToken(token).queryParam("order", "id(asc)").queryParam("limit", 200).get(API + "/contacts.json").then()
                .body("data", hasSize(200)).body("data[0]", hasKey("etag"));
    }

    @Test
    void onlyTheOrdersEachIndexPublishesAreAllowed() {
        withToken(token).queryParam("order", "updated_at(asc)").get(API + "/contacts.json").then().statusCode(400)
                .body("error.type", equalTo("BadRequest")).body("error.message", containsString("shared_at"));
        withToken(token).queryParam("order", "updated_at(asc)").get(API + "/tasks.json").then().statusCode(400);
        withToken(token).queryParam("order", "created_at(asc)").get(API + "/contacts.json").then().statusCode(400);
        for (String order : List.of("id(asc)", "name(desc)", "shared_at(asc)")) {
            withToken(token).queryParam("order", order).get(API + "/contacts.json").then().statusCode(200);
        }
        withToken(token).queryParam("order", "updated_at(asc)").get(API + "/matters.json").then().statusCode(200);
        withToken(token).queryParam("type", "Matter").queryParam("order", "updated_at(asc)").get(API + "/notes.json").then()
                .statusCode(200);
        withToken(token).queryParam("order", "due_at(asc)").get(API + "/tasks.json").then().statusCode(200);
    }

    @Test
    void listQueriesLagWritesWhileReadsByIdDoNot() {
        long id = ClioSandboxControl.seed("contacts", 1);
        ClioSandboxControl.listLag(java.time.Duration.ofMinutes(5));
        // the CRM clock moves ten minutes on: the first record is older than the lag, what follows is newer
        SandboxControl.control().body(Map.of("offsetSeconds", 600)).put("/clock").then().statusCode(200);
        try {
            long later = ClioSandboxControl.seed("contacts", 1);
            ClioSandboxControl.humanEdit("contacts", id, Map.of("title", "Dr"));
            withToken(token).queryParam("fields", "id,title").get(API + "/contacts.json").then().statusCode(200)
                    .body("data.id", equalTo(List.of((int) id))).body("data[0].title", nullValue());
            withToken(token).queryParam("fields", "title").get(API + "/contacts/" + id + ".json").then()
                    .body("data.title", equalTo("Dr"));
            withToken(token).queryParam("fields", "id").get(API + "/contacts/" + later + ".json").then().statusCode(200);
        } finally {
            ClioSandboxControl.listLag(java.time.Duration.ZERO);
            SandboxControl.control().body(Map.of("offsetSeconds", 0)).put("/clock").then().statusCode(200);
        }
        withToken(token).queryParam("fields", "id,title").get(API + "/contacts.json").then()
                .body("data", hasSize(2)).body("data[0].title", equalTo("Dr"));
    }

    @Test
    void limitIsAtMost200() {
        withToken(token).queryParam("limit", 201).get(API + "/contacts.json").then().statusCode(400)
                .body("error.message", containsString("200"));
        withToken(token).queryParam("limit", 0).get(API + "/contacts.json").then().statusCode(400);
        ClioSandboxControl.seed("contacts", 250);
        withToken(token).get(API + "/contacts.json").then().statusCode(200).body("data", hasSize(200))
                .body("meta.records", equalTo(250));
    }

    @Test
    void otherOrdersStopAt10000RecordsWhileIdAscGoesOn() {
        ClioSandboxControl.seed("contacts", 10_050);
        List<Long> capped = follow(Map.of("order", "name(desc)", "fields", "id"), 10_050);
        assertEquals(10_000, capped.size());
        assertEquals(10_000, new LinkedHashSet<>(capped).size());
        assertEquals(10_000, follow(Map.of("fields", "id"), 10_050).size());
        withToken(token).queryParam("offset", 10_000).get(API + "/contacts.json").then().statusCode(422)
                .body("error.type", equalTo("UnprocessableEntity")).body("error.message", containsString("order=id(asc)"));
        assertEquals(10_050, follow(Map.of("order", "id(asc)", "fields", "id"), 10_050).size());
    }

    @Test
    void updatedSinceShowsOnlyRecordsChangedAtOrAfterIt() {
        long last = ClioSandboxControl.seed("contacts", 5);
        long first = last - 4;
        String lastWrite = withToken(token).queryParam("fields", "updated_at").get(API + "/contacts/" + last + ".json")
                .then().extract().path("data.updated_at");
        String cut = ClioTime.format(java.time.OffsetDateTime.parse(lastWrite).toInstant().plusMillis(1));
        // the CRM clock (shared with the HubSpot dialect) jumps a minute ahead, so the edit is after the cut
        SandboxControl.control().body(Map.of("offsetSeconds", 60)).put("/clock").then().statusCode(200);
        try {
            ClioSandboxControl.humanEdit("contacts", first, Map.of("title", "Dr"));
        } finally {
            SandboxControl.control().body(Map.of("offsetSeconds", 0)).put("/clock").then().statusCode(200);
        }
        withToken(token).queryParam("updated_since", cut).queryParam("fields", "id,title").get(API + "/contacts.json")
                .then().statusCode(200)
                .body("data.id", equalTo(List.of((int) first)))
                .body("data[0].title", equalTo("Dr"));
        withToken(token).queryParam("updated_since", lastWrite).queryParam("fields", "id").get(API + "/contacts.json")
                .then().body("data.id", hasItems((int) first, (int) last));
        withToken(token).queryParam("updated_since", "yesterday").get(API + "/contacts.json").then().statusCode(400);
        withToken(token).queryParam("updated_since", "2000-01-01T00:00:00+02:00").queryParam("fields", "id")
                .get(API + "/contacts.json").then().body("meta.records", equalTo(5)).body("meta.paging", not(hasKey("next")));
    }
}
