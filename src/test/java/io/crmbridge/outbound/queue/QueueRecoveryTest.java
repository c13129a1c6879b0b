package io.crmbridge.outbound.queue;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.crmbridge.testsupport.TestDb.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ExchangeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.outbound.pipeline.EventOutcomes;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A replica killed mid-event (its claim abandoned, as a SIGKILL leaves it) loses its events to
 * another replica within one short lease, and to its own restart at once; a slow event keeps its lease by renewal;
 * a worker that lost its lease cannot change the event.
 */
@QuarkusTest
class QueueRecoveryTest {

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Inject
    EventQueue queue;

    @Inject
    DispatchConfig config;

    @Inject
    EventOutcomes outcomes;

    @AfterEach
    void restore() throws Exception {
        SandboxControl.clearFaults();
        camel.getRouteController().startRoute("event-dispatch");
    }

    @Test
    void eventsOfAReplicaKilledMidEventFinishWithinOneLeaseOnAnotherReplica() throws Exception {
        List<String> ids = postStopped("killed", 3);
        List<ClaimedEvent> claimed = queue.claimAs("replica-that-dies/run-1");
        assertThat(claimed).extracting(ClaimedEvent::eventId).containsAll(ids);
        Object[] idArray = ids.toArray(String[]::new);
        // When the dead replica's lease runs out, on the database's clock (as everything the queue decides).
        String leaseEnd = (String) query(dataSource, "SELECT max(claimed_until)::text AS lease_end FROM raw_event "
                + "WHERE event_id = ANY (CAST(? AS uuid[]))", (Object) idArray).get(0).get("lease_end");
        camel.getRouteController().startRoute("event-dispatch");

        awaitFinal(dataSource, ids, Duration.ofSeconds(60));
        assertThat(ids).allSatisfy(id -> assertThat(status(dataSource, id)).isEqualTo("DONE"));
        // Each event finished (its row's last update, the database's clock again) after that lease, not before, and
        // within a few dispatch rounds of it: two times of the system under test, whatever the test's machine.
        assertThat(query(dataSource, "SELECT extract(epoch FROM updated_at - CAST(? AS timestamptz))::float8 AS after_lease "
                + "FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[]))", leaseEnd, idArray))
                .as("finished after the dead replica's lease (%s) ran out, plus a few dispatch rounds", config.lease())
                .hasSize(ids.size())
                .allSatisfy(r -> assertThat((Double) r.get("after_lease")).isBetween(0.0, 30.0));
        assertThat(query(dataSource, "SELECT claimed_by, attempts FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[]))",
                (Object) ids.toArray(String[]::new))).allSatisfy(r -> {
                    assertThat(r.get("claimed_by")).isEqualTo(queue.holder());
                    // the dead replica's claim was never begun: only this run's attempt counts
                    assertThat(r.get("attempts")).isEqualTo(1);
                });
    }

    @Test
    void aRestartedReplicaTakesBackItsOwnClaimsAndKeyLocksAtOnce() throws Exception {
        List<String> ids = postStopped("restart", 3);
        // the previous run of this instance claimed them with a lease far in the future, then was SIGKILLed
        queue.claimAs(queue.instance() + "/run-before-the-restart");
        update(dataSource, "UPDATE raw_event SET claimed_until = now() + interval '1 hour' WHERE event_id = ANY (CAST(? AS uuid[]))",
                (Object) ids.toArray(String[]::new));
        // and it held the key lock of their company (one domain for the three) for another hour
        String domain = (String) query(dataSource, "SELECT convert_from(body, 'UTF8')::jsonb ->> 'website' AS w FROM raw_event "
                + "WHERE event_id = CAST(? AS uuid)", ids.get(0)).get(0).get("w");
        update(dataSource, "INSERT INTO key_lease (lock_key, holder, exchange_id, expires_at) VALUES (?, ?, 'killed', "
                + "now() + interval '1 hour')", "company:hubspot:" + domain, queue.instance() + "/run-before-the-restart");
        queue.takeOverOwnClaims();
        assertThat(query(dataSource, "SELECT 1 FROM key_lease WHERE holder = ?", queue.instance() + "/run-before-the-restart"))
                .as("the earlier run's key locks").isEmpty();
        // claimable at once, not an hour later (how long processing then takes depends on the machine)
        assertThat(ids).allSatisfy(id -> assertThat(query(dataSource, "SELECT 1 FROM raw_event WHERE event_id = CAST(? AS uuid) "
                + "AND (claimed_until IS NULL OR claimed_until <= now())", id)).hasSize(1));
        camel.getRouteController().startRoute("event-dispatch");

        awaitFinal(dataSource, ids, Duration.ofSeconds(60));
        assertThat(ids).allSatisfy(id -> assertThat(status(dataSource, id)).isEqualTo("DONE"));
    }

    @Test
    void aStatusChangeByAWorkerThatNoLongerHoldsTheLeaseIsRefused() throws Exception {
        List<String> ids = postStopped("stolen", 1);
        String id = ids.get(0);
        queue.claimAs("the-new-holder/run-1");
        camel.getRouteController().startRoute("event-dispatch");
        Map<String, Object> before = row(id);

        assertThat(queue.finish(id, "DONE", null)).isFalse();
        assertThat(queue.retryLater(id, 1, "stale worker")).isTrue(); // attempts left, but the update itself is refused
        assertThat(queue.waitUntil(id, Instant.now(), "stale worker")).isFalse();
        assertThat(row(id)).isEqualTo(before);
        assertThat(before.get("status")).isEqualTo("PROCESSING");
        assertThat(before.get("claimed_by")).isEqualTo("the-new-holder/run-1");

        // the holder dies too: the event is processed once its lease runs out
        awaitFinal(dataSource, ids, Duration.ofSeconds(30));
        assertThat(status(dataSource, id)).isEqualTo("DONE");
    }

    @Test
    void aWorkerThatLostTheLeaseDoesNotSettleTheEventsDeadLetter() throws Exception {
        List<String> ids = postStopped("settle", 1);
        String id = ids.get(0);
        // the event's holder dead-lettered it, while a worker that had lost its lease went on to the end of the flow
        update(dataSource, "UPDATE raw_event SET status = 'DEAD', claimed_until = NULL, claimed_by = ? "
                + "WHERE event_id = CAST(? AS uuid)", queue.holder(), id);
        update(dataSource, "INSERT INTO dead_letter (event_id, route_id, error_class, error_message, attempts) "
                + "VALUES (CAST(? AS uuid), 'event-process', 'Retryable', 'CRM answered 503', 5)", id);
        Exchange stale = ExchangeBuilder.anExchange(camel).withHeader(ExchangeKeys.EVENT_ID, id).build();

        outcomes.done(stale);

        assertThat(status(dataSource, id)).isEqualTo("DEAD");
        assertThat(query(dataSource, "SELECT resolution FROM dead_letter WHERE event_id = CAST(? AS uuid)", id))
                .as("the dead letter stays open for replay").singleElement()
                .satisfies(r -> assertThat(r.get("resolution")).isNull());
    }

    @Test
    void aSlowEventKeepsItsLeaseByRenewalAndIsNotTakenTwice() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        long latency = config.lease().toMillis() + 1500;
        SandboxControl.control().body("""
                {"rules": [{"method": "POST", "pathPattern": "/crm/v3/objects/notes.*", "latencyMillis": %d}]}""".formatted(latency))
                .put("/faults").then().statusCode(200);
        String id = postWebform(lead("slow-" + t, "slow-" + t + "@example.org", "Slow Poke", "Slow " + t, "slow-" + t + ".example"))
                .then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(id), Duration.ofSeconds(60));
        assertThat(status(dataSource, id)).isEqualTo("DONE");
        assertThat(row(id).get("attempts")).as("claimed once: its lease was renewed past %s", config.lease()).isEqualTo(1);
        List<String> contacts = search("contacts", "email", "slow-" + t + "@example.org");
        assertThat(contacts).hasSize(1);
    }

    private List<String> postStopped(String prefix, int count) throws Exception {
        String t = UUID.randomUUID().toString().substring(0, 8);
        camel.getRouteController().stopRoute("event-dispatch");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(postWebform(lead(prefix + "-" + t + "-" + i, prefix + "-" + t + "-" + i + "@example.org", "Re Covery",
                    "Recovery " + t, prefix + "-" + t + ".example")).then().statusCode(202).extract().path("eventId"));
        }
        return ids;
    }

    private Map<String, Object> row(String id) {
        return query(dataSource, "SELECT status, attempts, claimed_by, claimed_until, last_error, next_attempt_at "
                + "FROM raw_event WHERE event_id = CAST(? AS uuid)", id).get(0);
    }
}
