package io.crmbridge.outbound;

import static io.crmbridge.testsupport.SandboxControl.control;
import static io.crmbridge.testsupport.SandboxControl.served;
import static io.crmbridge.outbound.OutboundTestSupport.associated;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.outbound.OutboundTestSupport.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.crmbridge.outbound.OutboundTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Faults at the CRM and a worker that dies: every event ends DONE, nothing is lost, nothing is written twice. */
@QuarkusTest
class ResilienceTest {

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Test
    void twentyPercentServerErrorsAndA429BurstEndDoneWithoutDuplicates() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        long tooMany = served(429);
        long serverErrors = served(500) + served(502) + served(503);
        // the first two CRM calls answered 429 with Retry-After whatever the timing, then 20 % server errors
        control().body("""
                {"seed": 7, "rules": [{"pathPattern": "/crm/.*", "failNext": 2, "statuses": [429]},
                                      {"pathPattern": "/crm/.*", "errorRate": 0.2, "statuses": [500, 502, 503]}]}""")
                .put("/faults").then().statusCode(200);
        // and a burst limit: at most 3 CRM calls per second for every token, answered 429 with Retry-After beyond that
        // (the bulk path groups the ten events' calls: about a dozen calls in all; on a slow machine they may all
        // fit under it). The bridge paces itself on the limit's headers, so the window sets the test's length.
        control().body("{\"maxRequests\": 3, \"windowMillis\": 1000}")
                .put("/rate-limit").then().statusCode(200);
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                ids.add(postWebform(lead("fault-" + t + "-" + i, "fault-" + t + "-" + i + "@example.org", "Fault Tolerant",
                        "Fault " + t + " " + i, "fault-" + t + "-" + i + ".example")).then().statusCode(202).extract().path("eventId"));
            }
            awaitFinal(dataSource, ids, Duration.ofSeconds(150));
        } finally {
            control().delete("/faults").then().statusCode(200);
            control().body("{\"maxRequests\": 1000000, \"windowMillis\": 10000}")
                    .put("/rate-limit").then().statusCode(200);
        }
        assertThat(ids).allSatisfy(id -> assertThat(status(dataSource, id)).isEqualTo("DONE"));
        for (int i = 0; i < 10; i++) {
            List<String> contacts = search("contacts", "email", "fault-" + t + "-" + i + "@example.org");
            assertThat(contacts).hasSize(1);
            assertThat(search("companies", "domain", "fault-" + t + "-" + i + ".example")).hasSize(1);
            assertThat(associated("contacts", contacts.get(0), "deals")).hasSize(1);
            assertThat(associated("contacts", contacts.get(0), "notes")).hasSize(1);
        }
        // the faults really happened
        assertThat(served(429) - tooMany).as("429 answers").isPositive();
        assertThat(served(500) + served(502) + served(503) - serverErrors).as("5xx answers").isPositive();
    }

    @Test
    void eventsClaimedByAWorkerThatDiedAreProcessedOnceAfterTheLeaseRunsOut() throws Exception {
        String t = UUID.randomUUID().toString().substring(0, 8);
        camel.getRouteController().stopRoute("event-dispatch");
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(postWebform(lead("kill-" + t + "-" + i, "kill-" + t + "-" + i + "@example.org", "Kill Ed",
                        "Kill " + t, "kill-" + t + ".example")).then().statusCode(202).extract().path("eventId"));
            }
            // another replica claims the batch and is killed before it finishes any of it
            update(dataSource, "UPDATE raw_event SET status = 'PROCESSING', attempts = attempts + 1, claimed_by = 'dead-replica/1', "
                    + "claimed_until = now() + interval '1 hour' WHERE event_id = ANY (CAST(? AS uuid[]))",
                    (Object) ids.toArray(String[]::new));
            assertThat(ids).allSatisfy(id -> assertThat(status(dataSource, id)).isEqualTo("PROCESSING"));
        } finally {
            camel.getRouteController().startRoute("event-dispatch");
        }
        // while the lease holds, nobody else takes them
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> query(dataSource,
                "SELECT 1 FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[])) AND claimed_by = 'dead-replica/1'",
                (Object) ids.toArray(String[]::new)).size() == ids.size());
        // the lease runs out (15 s in production, renewed only by a live holder; moved back here)
        update(dataSource, "UPDATE raw_event SET claimed_until = now() - interval '1 second' WHERE event_id = ANY (CAST(? AS uuid[]))",
                (Object) ids.toArray(String[]::new));
        awaitFinal(dataSource, ids, Duration.ofSeconds(30));
        assertThat(ids).allSatisfy(id -> assertThat(status(dataSource, id)).isEqualTo("DONE"));
        // five contacts of one company, one deal and one note each
        assertThat(search("companies", "domain", "kill-" + t + ".example")).hasSize(1);
        for (int i = 0; i < 5; i++) {
            List<String> contacts = search("contacts", "email", "kill-" + t + "-" + i + "@example.org");
            assertThat(contacts).hasSize(1);
            assertThat(associated("contacts", contacts.get(0), "notes")).hasSize(1);
            assertThat(associated("contacts", contacts.get(0), "deals")).hasSize(1);
        }
        assertThat(query(dataSource, "SELECT attempts FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[]))",
                (Object) ids.toArray(String[]::new))).allSatisfy(r -> assertThat(r.get("attempts")).isEqualTo(2));
    }

    @Test
    void eventsOfAConnectionThatNeedsReauthorizationWaitAndAreNotDropped() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> before = query(dataSource, "SELECT state FROM connection_state WHERE connection = 'hubspot'");
        update(dataSource, "INSERT INTO connection_state (connection, state, reason) VALUES ('hubspot', 'NEEDS_REAUTH', 'test') "
                + "ON CONFLICT (connection) DO UPDATE SET state = 'NEEDS_REAUTH'");
        String eventId;
        try {
            eventId = postWebform(lead("wait-" + t, "wait-" + t + "@example.org", "Wait Ing", "Wait " + t, "wait-" + t + ".example"))
                    .then().statusCode(202).extract().path("eventId");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> "QUEUED".equals(status(dataSource, eventId)));
        } finally {
            update(dataSource, "UPDATE connection_state SET state = ? WHERE connection = 'hubspot'",
                    before.isEmpty() ? "ACTIVE" : before.get(0).get("state"));
        }
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        assertThat(search("contacts", "email", "wait-" + t + "@example.org")).hasSize(1);
    }

    @Test
    void aWorkerKilledAfterItsCrmWritesButBeforeTheLedgerCausesNoDuplicateWhenTheEventRunsAgain() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "crash-" + t + "@example.org";
        String eventId = postWebform(lead("crash-" + t, email, "Crash Ed", "Crash " + t, "crash-" + t + ".example"))
                .then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        // rewind: the effects happened, but the ledger entry and the DONE status were never written
        update(dataSource, "DELETE FROM ledger WHERE ledger_key = ?", "out:hubspot:webform:crash-" + t);
        update(dataSource, "UPDATE raw_event SET status = 'PROCESSING', claimed_until = now() - interval '1 second' "
                + "WHERE event_id = CAST(? AS uuid)", eventId);
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        List<String> contacts = search("contacts", "email", email);
        assertThat(contacts).hasSize(1);
        assertThat(search("companies", "domain", "crash-" + t + ".example")).hasSize(1);
        assertThat(associated("contacts", contacts.get(0), "deals")).hasSize(1);
        assertThat(associated("contacts", contacts.get(0), "notes")).hasSize(1);
        assertThat(query(dataSource, "SELECT 1 FROM ledger WHERE ledger_key = ?", "out:hubspot:webform:crash-" + t)).hasSize(1);
    }
}
