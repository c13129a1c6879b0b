package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.WEBFORM_SECRET;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.crmbridge.testsupport.TestDb.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Whatever an authenticated sender stores ends in a terminal state with a readable reason. NUL bytes
 * (raw and escaped), control characters, hostile company domains and huge numbers; validation failures go to review;
 * a failure while recording a failure still ends the event.
 */
@QuarkusTest
class PoisonEventsTest {

    static final Set<String> TERMINAL = Set.of("DONE", "DUPLICATE", "REVIEW", "REJECTED", "DEAD", "SKIPPED");

    @Inject
    DataSource dataSource;

    @Test
    void hostileButAuthenticEventsAllEndWithAReadableReason() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> events = new LinkedHashMap<>();
        // NUL escaped in JSON: valid JSON, a string PostgreSQL text and jsonb cannot hold
        events.put("nul-in-email", lead("nul1-" + t, "nul\\u0000-" + t + "@example.org", "Nul Email", "Nul " + t, "nul-" + t + ".example"));
        events.put("nul-in-name", lead("nul2-" + t, "nul2-" + t + "@example.org", "Nul\\u0000 Name", "Nul\\u0000 Co " + t, "nul2-" + t + ".example"));
        events.put("control-chars", lead("ctl-" + t, "ctl-" + t + "@example.org", "Ctl\\u0001\\u0007\\u001b[31m Name\\r\\n",
                "Ctl\\u0008 Co " + t, "ctl-" + t + ".example"));
        // IDN labels too long, a prohibited code point
        events.put("overlong-idn", lead("idn1-" + t, "idn1-" + t + "@example.org", "Idn Long", "Idn " + t,
                "b\u00fccher" + "x".repeat(80) + ".example"));
        events.put("prohibited-idn", lead("idn2-" + t, "idn2-" + t + "@example.org", "Idn Bad", "Idn Bad " + t,
                "caf\u00e9\uFFFD\u2028.example"));
        events.put("huge-numbers", lead("num-" + t, "num-" + t + "@example.org", "Num Big", "Num " + t, "num-" + t + ".example")
                .replace("\"lead_score\": 72", "\"lead_score\": 1e400")
                .replace("\"confidence\": 0.82", "\"confidence\": 123456789012345678901234567890123456789012345678901234567890"));
        Map<String, String> ids = new LinkedHashMap<>();
        events.forEach((name, body) -> ids.put(name, postWebform(body).then().statusCode(202).extract().path("eventId")));
        // a raw NUL byte inside a JSON string: not JSON at all, but stored byte for byte
        byte[] rawNul = ("{\"submission_id\": \"raw-" + t + "\", \"email\": \"raw\u0000" + t + "@example.org\"}")
                .getBytes(StandardCharsets.UTF_8);
        String rawNulId = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET)
                .body(rawNul).post("/events/webform").then().statusCode(202).extract().path("eventId");
        ids.put("raw-nul", rawNulId);

        awaitFinal(dataSource, new ArrayList<>(ids.values()), Duration.ofSeconds(60));

        ids.forEach((name, id) -> {
            Map<String, Object> row = query(dataSource, "SELECT status, last_error FROM raw_event WHERE event_id = CAST(? AS uuid)", id).get(0);
            assertThat((String) row.get("status")).as(name).isIn(TERMINAL);
            if (!"DONE".equals(row.get("status"))) {
                assertThat((String) row.get("last_error")).as(name + " reason").isNotBlank().doesNotContain("\u0000");
            }
        });
        // validation failures go to review with a validation reason, not to the dead letters
        for (String name : List.of("nul-in-email", "overlong-idn", "prohibited-idn", "raw-nul")) {
            assertThat(status(dataSource, ids.get(name))).as(name).isEqualTo("REVIEW");
            assertThat(query(dataSource, "SELECT 1 FROM review_item WHERE event_id = CAST(? AS uuid)", ids.get(name))).as(name).hasSize(1);
            assertThat(query(dataSource, "SELECT 1 FROM dead_letter WHERE event_id = CAST(? AS uuid)", ids.get(name))).as(name).isEmpty();
        }
        assertThat(query(dataSource, "SELECT reason FROM review_item WHERE event_id = CAST(? AS uuid)", ids.get("overlong-idn"))
                .get(0).get("reason").toString()).contains("company.domain is not a valid domain name");
        assertThat(status(dataSource, ids.get("huge-numbers"))).isIn("REVIEW", "DONE");
        assertThat(query(dataSource, "SELECT 1 FROM dead_letter WHERE event_id = ANY (CAST(? AS uuid[]))",
                (Object) ids.values().toArray(String[]::new))).as("no hostile event is dead-lettered").isEmpty();
    }

    @Test
    void aFailureWhileRecordingAFailureStillEndsTheEventDead() {
        String marker = "unrecordable-" + UUID.randomUUID().toString().substring(0, 8);
        // the review queue refuses this one event's review item, as a database refusing its text would
        update(dataSource, """
                CREATE OR REPLACE FUNCTION test_refuse_review() RETURNS trigger AS $$
                BEGIN
                  IF NEW.reason LIKE '%unrecordable-%' THEN
                    RAISE EXCEPTION 'review_item refused (test)';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        update(dataSource, "CREATE TRIGGER test_refuse_review BEFORE INSERT ON review_item FOR EACH ROW EXECUTE FUNCTION test_refuse_review()");
        String eventId;
        try {
            eventId = postWebform(lead(marker, marker + "-not-an-email", "Un Recordable", "Un " + marker, marker + ".example"))
                    .then().statusCode(202).extract().path("eventId");
            awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        } finally {
            update(dataSource, "DROP TRIGGER test_refuse_review ON review_item");
        }
        Map<String, Object> row = query(dataSource, "SELECT status, last_error FROM raw_event WHERE event_id = CAST(? AS uuid)", eventId).get(0);
        assertThat(row.get("status")).isEqualTo("DEAD");
        assertThat(row.get("last_error").toString()).contains("last resort").contains("review_item refused");
        assertThat(query(dataSource, "SELECT error_message FROM dead_letter WHERE event_id = CAST(? AS uuid)", eventId)).hasSize(1);
        assertThat(query(dataSource, "SELECT 1 FROM review_item WHERE event_id = CAST(? AS uuid)", eventId)).isEmpty();
    }
}
