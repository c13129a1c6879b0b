package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postLead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.crmbridge.testsupport.TestDb.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.crmbridge.testsupport.CrmView;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The queue under faults, with one writer of dead_letter: waiting for credentials is a trip back to
 * the queue (no parked worker), a transient database error is retried, a dead event leaves one dead_letter row, and
 * the backlog is visible in /q/metrics and raises an alert.
 */
@QuarkusTest
class QueueFaultsTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        CrmView.shared().forEach(CrmView::clearFaults);
    }

    static List<CrmView> crms() {
        return CrmView.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void anEventOfAConnectionThatNeedsReauthorizationGoesBackToTheQueueAndCompletesWithNewCredentials(CrmView crm) {
        String t = UUID.randomUUID().toString().substring(0, 8);
        // the CRM refuses the scope: the connection enters NEEDS_REAUTH in the middle of the event
        crm.faults(Map.of("seed", 7, "rules", List.of(Map.of("method", "POST", "pathPattern", crm.createPath("contacts"),
                "errorRate", 1.0, "statuses", List.of(403)))));
        String id = postLead(crm, lead("reauth-" + t, "reauth-" + t + "@example.org", "Re Auth", "Reauth " + t, "reauth-" + t + ".example"));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> "WAITING".equals(status(dataSource, id)));
            assertThat(needsReauth(crm.connection())).isTrue();
            Map<String, Object> row = query(dataSource, "SELECT status, next_attempt_at, updated_at, last_error, claimed_until "
                    + "FROM raw_event WHERE event_id = CAST(? AS uuid)", id).get(0);
            assertThat(row.get("status")).isEqualTo("WAITING");
            assertThat((Timestamp) row.get("next_attempt_at")).isAfter((Timestamp) row.get("updated_at"));
            assertThat(row.get("claimed_until")).isNull();
            assertThat(row.get("last_error").toString()).containsAnyOf("needs re-authorization", "403");
            // while the connection waits for an operator, no worker thread is parked on it
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).until(() -> parkedCrmCallers().isEmpty());
            assertThat(status(dataSource, id)).isIn("WAITING", "QUEUED");
        } finally {
            crm.clearFaults();
            given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON).body("{}")
                    .post("/admin/connections/" + crm.connection() + "/credentials").then().statusCode(200);
        }
        awaitFinal(dataSource, List.of(id), Duration.ofSeconds(30));
        assertThat(status(dataSource, id)).isEqualTo("DONE");
        assertThat(crm.contactsByEmail("reauth-" + t + "@example.org")).hasSize(1);
        assertThat(query(dataSource, "SELECT 1 FROM dead_letter WHERE event_id = CAST(? AS uuid)", id)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void anEventPausedByTheCrmsRateLimitGoesBackToTheQueueUntilThePauseEnds(CrmView crm) {
        String t = UUID.randomUUID().toString().substring(0, 8);
        // the CRM answers 429 with Retry-After: 4, longer than a call waits in place (crmbridge.crm-call.max-pause-wait,
        // 2 s in tests): the connection pauses and the event goes back to the queue
        crm.faults(Map.of("seed", 7, "rules", List.of(Map.of("method", "POST", "pathPattern", crm.createPath("contacts"),
                "errorRate", 1.0, "statuses", List.of(429), "retryAfterSeconds", 4))));
        String id;
        try {
            id = postLead(crm, lead("paced-" + t, "paced-" + t + "@example.org", "Pa Ced", "Paced " + t, "paced-" + t + ".example"));
            Map<String, Object> waiting = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
                    () -> query(dataSource, "SELECT status, last_error, next_attempt_at, updated_at, claimed_until FROM raw_event "
                            + "WHERE event_id = CAST(? AS uuid)", id).get(0), r -> "WAITING".equals(r.get("status")));
            assertThat(waiting.get("last_error").toString()).contains("paused by the CRM's rate limit until");
            assertThat((Timestamp) waiting.get("next_attempt_at")).isAfter((Timestamp) waiting.get("updated_at"));
            assertThat(waiting.get("claimed_until")).isNull();
            crm.clearFaults();
            awaitFinal(dataSource, List.of(id), Duration.ofSeconds(60));
        } finally {
            crm.clearFaults();
        }
        assertThat(status(dataSource, id)).isEqualTo("DONE");
        assertThat(crm.contactsByEmail("paced-" + t + "@example.org")).hasSize(1);
        assertThat(query(dataSource, "SELECT 1 FROM dead_letter WHERE event_id = CAST(? AS uuid)", id)).isEmpty();
    }

    @Test
    void aTransientDatabaseErrorIsRetriedNotDeadLettered() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String sequence = "test_fault_" + t.replace('-', '_');
        // the first write of an effect of this event fails as a serialization failure (SQLSTATE 40001) would
        update(dataSource, "CREATE SEQUENCE " + sequence);
        update(dataSource, """
                CREATE OR REPLACE FUNCTION %s() RETURNS trigger AS $$
                BEGIN
                  IF nextval('%s') = 1 THEN
                    RAISE EXCEPTION 'could not serialize access (test)' USING ERRCODE = '40001';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(sequence, sequence));
        String id;
        update(dataSource, ("CREATE TRIGGER %s BEFORE INSERT ON effect_result FOR EACH ROW "
                + "WHEN (NEW.effect_key LIKE '%%:tx-%s:%%') EXECUTE FUNCTION %s()").formatted(sequence, t, sequence));
        try {
            id = postWebform(lead("tx-" + t, "tx-" + t + "@example.org", "Trans Ient", "Transient " + t, "tx-" + t + ".example"))
                    .then().statusCode(202).extract().path("eventId");
            awaitFinal(dataSource, List.of(id), Duration.ofSeconds(30));
        } finally {
            update(dataSource, "DROP TRIGGER IF EXISTS " + sequence + " ON effect_result");
        }
        long fired = ((Number) query(dataSource, "SELECT last_value FROM " + sequence).get(0).get("last_value")).longValue();
        assertThat(fired).as("the fault was hit").isGreaterThanOrEqualTo(1);
        assertThat(status(dataSource, id)).isEqualTo("DONE");
        assertThat(query(dataSource, "SELECT attempts FROM raw_event WHERE event_id = CAST(? AS uuid)", id).get(0).get("attempts"))
                .isEqualTo(2);
        assertThat(query(dataSource, "SELECT 1 FROM dead_letter WHERE event_id = CAST(? AS uuid)", id)).isEmpty();
        assertThat(search("contacts", "email", "tx-" + t + "@example.org")).hasSize(1);
    }

    @Test
    void oneDeadEventLeavesExactlyOneDeadLetterRow() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        SandboxControl.fault("POST", "/crm/v3/objects/contacts.*", 1.0, List.of(503));
        String id = postWebform(lead("dead-" + t, "dead-" + t + "@example.org", "Dead Ed", "Dead " + t, "dead-" + t + ".example"))
                .then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(id), Duration.ofSeconds(90));
        assertThat(status(dataSource, id)).isEqualTo("DEAD");
        List<Map<String, Object>> dead = query(dataSource, "SELECT response_status, crm_request, payload, attempts FROM dead_letter "
                + "WHERE event_id = CAST(? AS uuid)", id);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("response_status")).isEqualTo(503);
        assertThat(dead.get(0).get("crm_request").toString()).contains("dead-" + t + "@example.org");
        assertThat(dead.get(0).get("payload").toString()).contains("\"submission_id\": \"dead-" + t + "\"");
        assertThat(dead.get(0).get("attempts")).isEqualTo(5);
    }

    @Test
    void theBacklogIsInTheMetricsAndAnOldWaitingEventRaisesAnAlert() {
        String id = UUID.randomUUID().toString();
        String connection = "backlog-" + id.substring(0, 8);
        // an event of a connection that waits for an operator, received two hours ago
        update(dataSource, "INSERT INTO connection_state (connection, state, reason) VALUES (?, 'NEEDS_REAUTH', 'test')", connection);
        update(dataSource, "INSERT INTO raw_event (event_id, source, body, connection, received_at) "
                + "VALUES (CAST(? AS uuid), 'webform', CAST('{}' AS bytea), ?, now() - interval '2 hours')", id, connection);
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(metric("crmbridge_queue_oldest_waiting_seconds")).isGreaterThanOrEqualTo(7200);
                assertThat(metric("crmbridge_queue_depth{status=\"QUEUED\"}")).isGreaterThanOrEqualTo(1);
                assertThat(openAlerts("QUEUE_BACKLOG")).isEqualTo(1);
            });
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("crmbridge_queue_depth{status=\"WAITING\"}", "crmbridge_queue_depth{status=\"PROCESSING\"}",
                    "crmbridge_queue_depth{status=\"DEAD\"}", "crmbridge_queue_processing_lag_seconds");
        } finally {
            update(dataSource, "DELETE FROM raw_event WHERE event_id = CAST(? AS uuid)", id);
            update(dataSource, "DELETE FROM connection_state WHERE connection = ?", connection);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(openAlerts("QUEUE_BACKLOG")).isZero());
        assertThat(metric("crmbridge_queue_oldest_waiting_seconds")).isLessThan(7200);
    }

    private boolean needsReauth(String connection) {
        return !query(dataSource, "SELECT 1 FROM connection_state WHERE connection = ? AND state = 'NEEDS_REAUTH'", connection)
                .isEmpty();
    }

    private long openAlerts(String code) {
        return ((Number) query(dataSource, "SELECT count(*) AS n FROM operator_alert WHERE code = ? AND cleared_at IS NULL", code)
                .get(0).get("n")).longValue();
    }

    /** Threads parked inside a CRM call: waiting for credentials or a rate-limit pause. */
    private static List<String> parkedCrmCallers() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith("CrmCallSteps")
                        && !f.getMethodName().equals("classify")))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("sleep")
                        || f.getMethodName().startsWith("park")))
                .map(e -> e.getKey().getName()).toList();
    }

    private static double metric(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
