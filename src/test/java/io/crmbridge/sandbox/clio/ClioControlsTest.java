package io.crmbridge.sandbox.clio;

import static io.crmbridge.testsupport.ClioSandboxControl.API;
import static io.crmbridge.testsupport.ClioSandboxControl.withToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.ClioSandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The Clio sandbox's knobs: rate limit (429), fault rules, counters, human edits, reset and the lying switch. */
@QuarkusTest
class ClioControlsTest {

    private String token;

    @BeforeEach
    void freshAccount() {
        ClioSandboxControl.reset();
        token = ClioSandboxControl.accessToken();
    }

    @AfterEach
    void restore() {
        ClioSandboxControl.reset();
    }

    private long contact(String base, String first, String last, String title) {
        return withToken(token).queryParam("fields", "id")
                .body(Map.of("data", Map.of("type", "Person", "name", first + " " + last, "first_name", first, "last_name", last, "title", title)))
                .post(base + "/contacts.json").then().statusCode(201).extract().jsonPath().getLong("data.id");
    }

    @Test
    void aFullWindowIs429WithRetryAfterAndRateLimitHeaders() {
        ClioSandboxControl.rateLimit(3, 60_000);
        for (int remaining = 2; remaining >= 0; remaining--) {
            withToken(token).get(API + "/users.json").then().statusCode(200)
                    .header("X-RateLimit-Limit", "3")
                    .header("X-RateLimit-Remaining", String.valueOf(remaining))
                    .header("X-RateLimit-Reset", notNullValue());
        }
        Response limited = withToken(token).get(API + "/users.json");
        limited.then().statusCode(429)
                .header("X-RateLimit-Remaining", "0")
                .body("error.type", equalTo("RateLimited"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(Long.parseLong(limited.header("X-RateLimit-Reset")) >= Instant.now().getEpochSecond(),
                "Reset is in the future");
        // per token: another token has its own window
        withToken(ClioSandboxControl.accessToken()).get(API + "/users.json").then().statusCode(200);
    }

    @Test
    void theDefaultLimitIs50AMinute() {
        ClioSandboxControl.resetRateLimit();
        ClioSandboxControl.control().get("/rate-limit").then().statusCode(200)
                .body("windowMillis", equalTo(60_000));
    }

    @Test
    void aFaultRuleOnAClioPathAnswersItsStatusThereOnly() {
        long id = contact(API, "Ada", "Lovelace", "Countess");
        ClioSandboxControl.fault("GET", "/[a-z.]+/api/v4/contacts/\\d+\\.json", 1.0, List.of(503));
        withToken(token).get(API + "/contacts/" + id + ".json").then().statusCode(503)
                .body("error.type", equalTo("ServiceUnavailable"));
        withToken(token).get(API + "/contacts.json").then().statusCode(200);
        ClioSandboxControl.clearFaults();
        withToken(token).get(API + "/contacts/" + id + ".json").then().statusCode(200);
    }

    @Test
    void aLostResponseCommitsTheWriteAndAnswers502InClioShape() {
        ClioSandboxControl.control().body(Map.of("rules", List.of(Map.of("method", "POST",
                "pathPattern", "/app/api/v4/contacts\\.json", "failNext", 1, "lostResponse", "502"))))
                .put("/faults").then().statusCode(200);
        withToken(token).body(Map.of("data", Map.of("type", "Person", "name", "Lost Answer", "first_name", "Lost", "last_name", "Answer")))
                .post(API + "/contacts.json").then().statusCode(502).body("error.type", equalTo("BadGateway"));
        withToken(token).queryParam("query", "Lost Answer").get(API + "/contacts.json").then().statusCode(200)
                .body("meta.records", equalTo(1));
    }

    @Test
    void countersCountClioCallsByHostPathTemplateAndStatus() {
        long id = contact(API, "Ada", "Lovelace", "Countess");
        ClioSandboxControl.resetCounters();
        withToken(token).get(API + "/contacts/" + id + ".json").then().statusCode(200);
        withToken(token).get(ClioSandboxControl.api("eu.app") + "/contacts/" + id + ".json").then().statusCode(200);
        withToken(token).get(API + "/contacts/999.json").then().statusCode(404);
        withToken("nope").get(API + "/contacts.json").then().statusCode(401);
        assertEquals(2, ClioSandboxControl.served("GET", "/app/api/v4/contacts/{id}.json", 200)
                + ClioSandboxControl.served("GET", "/app/api/v4/contacts/{id}.json", 404));
        assertEquals(1, ClioSandboxControl.served("GET", "/eu.app/api/v4/contacts/{id}.json", 200));
        assertEquals(1, ClioSandboxControl.served("GET", "/app/api/v4/contacts.json", 401));
        ClioSandboxControl.control().get("/counters").then().body("total", equalTo(4));
    }

    @Test
    void aHumanEditBumpsUpdatedAtAndEtag() {
        long id = contact(API, "Ada", "Lovelace", "Countess");
        Map<String, Object> before = withToken(token).queryParam("fields", "etag,updated_at")
                .get(API + "/contacts/" + id + ".json").then().extract().path("data");
        String etag = ClioSandboxControl.humanEdit("contacts", id, Map.of("last_name", "King"));
        Map<String, Object> after = withToken(token).queryParam("fields", "etag,updated_at,name")
                .get(API + "/contacts/" + id + ".json").then().body("data.name", equalTo("Ada King")).extract().path("data");
        assertEquals(etag, after.get("etag"));
        assertNotEquals(before.get("etag"), after.get("etag"));
        assertTrue(Instant.parse(String.valueOf(after.get("updated_at")).replace("+00:00", "Z"))
                .isAfter(Instant.parse(String.valueOf(before.get("updated_at")).replace("+00:00", "Z"))));
        withToken(token).header("If-Match", (String) before.get("etag"))
                .body(Map.of("data", Map.of("title", "Lady"))).patch(API + "/contacts/" + id + ".json").then().statusCode(412);
    }

    @Test
    void resetEmptiesTheAccountButKeepsUsersAndPracticeAreas() {
        contact(API, "Ada", "Lovelace", "Countess");
        ClioSandboxControl.reset();
        String fresh = ClioSandboxControl.accessToken();
        withToken(fresh).get(API + "/contacts.json").then().body("meta.records", equalTo(0));
        withToken(fresh).get(API + "/users.json").then().body("meta.records", equalTo(3));
        withToken(fresh).get(API + "/practice_areas.json").then().body("meta.records", greaterThan(0));
        withToken(token).get(API + "/users.json").then().statusCode(401);
    }

    @Test
    void theLyingSwitchFailsTheDocumentedHostWhileAnotherHostServesTheSameData() {
        long id = contact(API, "Ada", "Lovelace", "Countess");
        ClioSandboxControl.lying(true);
        for (String documented : List.of(API, ClioSandboxControl.api("app"))) {
            withToken(token).get(documented + "/contacts/" + id + ".json").then().statusCode(503)
                    .contentType(startsWith("text/html")).body(containsString("<html>"));
        }
        withToken(token).queryParam("fields", "id,name").get(ClioSandboxControl.api("eu.app") + "/contacts/" + id + ".json")
                .then().statusCode(200).body("data.name", equalTo("Ada Lovelace"));
        ClioSandboxControl.refresh(ClioSandboxControl.REFRESH_TOKEN).then().statusCode(200); // tokens still work
        ClioSandboxControl.lying(false);
        withToken(token).get(API + "/contacts/" + id + ".json").then().statusCode(200);
    }

    @Test
    void practiceAreaIsAlwaysAnObjectAndWithTheSwitchATitleToo() {
        long client = contact(API, "Ada", "Lovelace", "Countess");
        long area = withToken(token).get(API + "/practice_areas.json").then().extract().jsonPath().getLong("data[0].id");
        long matter = withToken(token).queryParam("fields", "id")
                .body(Map.of("data", Map.of("client", Map.of("id", client), "description", "Estate",
                        "practice_area", Map.of("id", area))))
                .post(API + "/matters.json").then().statusCode(201).extract().jsonPath().getLong("data.id");
        withToken(token).queryParam("fields", "practice_area").get(API + "/matters/" + matter + ".json").then()
                .body("data.practice_area.id", equalTo((int) area)).body("data.practice_area.name", equalTo("Family"));
        withToken(token).queryParam("fields", "title").get(API + "/contacts/" + client + ".json").then()
                .body("data.title", equalTo("Countess"));
        ClioSandboxControl.lying(true);
        withToken(token).queryParam("fields", "title").get(ClioSandboxControl.api("eu.app") + "/contacts/" + client + ".json")
                .then().statusCode(200)
                .body("data.title.name", equalTo("Countess"))
                .body("data.title.id", notNullValue());
    }

    @Test
    void anUnknownRegionIs404() {
        withToken(token).get(ClioPaths.CLIO + "/mars.app/api/v4/contacts.json").then().statusCode(404);
    }
}
