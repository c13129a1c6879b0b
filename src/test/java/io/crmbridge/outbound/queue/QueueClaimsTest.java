package io.crmbridge.outbound.queue;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.crmbridge.testsupport.TestDb.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The crash run's abandoned events: a replica claims only what its free workers can begin at once, and an
 * attempt counts when a worker begins the event. A claim taken back (after a crash) that no worker began uses no
 * attempt, however often it happens; an event whose workers began it and died max-claims times is still abandoned.
 */
@QuarkusTest
class QueueClaimsTest {

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Inject
    EventQueue queue;

    @Inject
    DispatchConfig config;

    @AfterEach
    void restore() throws Exception {
        SandboxControl.clearFaults();
        camel.getRouteController().startRoute("event-dispatch");
    }

    /**
     * Two replicas on one database claiming at the same moment: every event has exactly one lease holder
     * ({@code FOR UPDATE SKIP LOCKED}), the one whose claim returned it.
     */
    @Test
    void twoReplicasClaimingAtOnceNeverHoldTheSameEvent() throws Exception {
        List<String> ids = postStopped("twin", 60);
        Set<String> wanted = Set.copyOf(ids);
        Set<String> claimedByEither = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Future<List<String>>> replicas = new LinkedHashMap<>();
        for (String replica : List.of("replica-a/run-1", "replica-b/run-1")) {
            replicas.put(replica, pool.submit(() -> {
                go.await();
                List<String> mine = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!claimedByEither.containsAll(wanted) && System.nanoTime() < deadline) {
                    for (ClaimedEvent e : queue.claimAs(replica)) {
                        if (wanted.contains(e.eventId())) {
                            mine.add(e.eventId());
                            claimedByEither.add(e.eventId());
                        }
                    }
                }
                return mine;
            }));
        }
        go.countDown();
        List<String> a = replicas.get("replica-a/run-1").get(60, TimeUnit.SECONDS);
        List<String> b = replicas.get("replica-b/run-1").get(60, TimeUnit.SECONDS);
        pool.shutdown();
        try {
            // one replica may take every event before the other's first claim: then the other's list is empty
            assertThat(a).as("claimed by replica a").doesNotHaveDuplicates().noneMatch(Set.copyOf(b)::contains);
            assertThat(b).as("claimed by replica b").doesNotHaveDuplicates();
            assertThat(a.size() + b.size()).isEqualTo(ids.size());
            for (Map<String, Object> row : query(dataSource, "SELECT CAST(event_id AS text) AS id, claimed_by FROM raw_event "
                    + "WHERE event_id = ANY (CAST(? AS uuid[]))", (Object) ids.toArray(String[]::new))) {
                assertThat(row.get("claimed_by")).as("the holder of %s", row.get("id"))
                        .isEqualTo(a.contains(row.get("id")) ? "replica-a/run-1" : "replica-b/run-1");
            }
        } finally {
            // neither replica lives on to work on them
            update(dataSource, "DELETE FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[]))", (Object) ids.toArray(String[]::new));
        }
    }

    @Test
    void aClaimTakesNoMoreThanTheWorkersAndOneBatchAheadCanHold() throws Exception {
        int capacity = config.workers() + config.batchSize();
        postStopped("bound", capacity + config.batchSize() + 2);
        assertThat(queue.inFlight()).as("a stopped dispatcher has let go of all its events").isZero();
        List<ClaimedEvent> claimed = new ArrayList<>();
        try {
            int held = 0;
            while (held < capacity) {
                List<ClaimedEvent> next = queue.claim();
                assertThat(next).as("claim %d", claimed.size()).hasSizeBetween(1, config.batchSize());
                claimed.addAll(next);
                held += next.size();
            }
            assertThat(held).as("%d workers plus a batch of %d", config.workers(), config.batchSize()).isEqualTo(capacity);
            List<ClaimedEvent> more = queue.claim();
            claimed.addAll(more);
            assertThat(more).as("nothing let go of, more events queued").isEmpty();

            queue.release(claimed.get(0));
            List<ClaimedEvent> after = queue.claim();
            claimed.addAll(after);
            assertThat(after).as("one event let go of").hasSize(1);
            assertThat(queue.inFlight()).as("claimed and not let go of").isEqualTo(capacity);
            assertThat(processingBy(queue.holder(), claimed)).as("all claimed, the released one not finished here")
                    .isEqualTo(capacity + 1L);
        } finally {
            // nobody works on them here: back to the queue for the dispatcher
            claimed.forEach(queue::release);
            update(dataSource, "UPDATE raw_event SET status = 'QUEUED', claimed_by = NULL, claimed_until = NULL "
                    + "WHERE event_id = ANY (CAST(? AS uuid[])) AND status = 'PROCESSING'",
                    (Object) claimed.stream().map(ClaimedEvent::eventId).toArray(String[]::new));
        }
    }

    @Test
    void theDispatcherNeverHoldsMoreClaimsThanItsWorkersAndOneBatchWhileABacklogWaits() throws Exception {
        // slow events: each holds its worker for a second at its note
        SandboxControl.control().body("""
                {"rules": [{"method": "POST", "pathPattern": "/crm/v3/objects/notes.*", "latencyMillis": 1000}]}""")
                .put("/faults").then().statusCode(200);
        int capacity = config.workers() + config.batchSize();
        List<String> ids = postStopped("backlog", capacity + config.workers() * 2);
        AtomicLong most = new AtomicLong();
        camel.getRouteController().startRoute("event-dispatch");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            most.accumulateAndGet(count("SELECT count(*) AS n FROM raw_event WHERE status = 'PROCESSING' "
                    + "AND event_id = ANY (CAST(? AS uuid[]))", ids), Math::max);
            return count("SELECT count(*) AS n FROM raw_event WHERE status IN ('QUEUED', 'PROCESSING', 'WAITING') "
                    + "AND event_id = ANY (CAST(? AS uuid[]))", ids) == 0;
        });
        assertThat(most.get()).as("events claimed at once (PROCESSING) with %d workers, batch %d and %d queued",
                config.workers(), config.batchSize(), ids.size()).isBetween(1L, (long) capacity);
        assertThat(ids).allSatisfy(id -> assertThat(status(dataSource, id)).isEqualTo("DONE"));
        assertThat(query(dataSource, "SELECT attempts FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[]))",
                (Object) ids.toArray(String[]::new))).allSatisfy(r -> assertThat(r.get("attempts")).isEqualTo(1));
    }

    @Test
    void eventsStoppedEarlyAsDuplicatesStillFreeTheirWorkers() throws Exception {
        // each delivered twice: the second of each pair ends DUPLICATE, stopped before the end of event-process
        String t = UUID.randomUUID().toString().substring(0, 8);
        camel.getRouteController().stopRoute("event-dispatch");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < config.workers() * 2; i++) {
            String body = lead("twice-" + t + "-" + i, "twice-" + t + "-" + i + "@example.org", "Twice Sent", "Twice " + t + " " + i,
                    "twice-" + t + "-" + i + ".example");
            for (int copy = 0; copy < 2; copy++) {
                ids.add(postWebform(body).then().statusCode(202).extract().path("eventId"));
            }
        }
        camel.getRouteController().startRoute("event-dispatch");
        awaitFinal(dataSource, ids, Duration.ofSeconds(90));
        assertThat(query(dataSource, "SELECT status, count(*) AS n FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[])) "
                + "GROUP BY status ORDER BY status", (Object) ids.toArray(String[]::new)))
                .containsExactly(Map.of("status", "DONE", "n", (long) config.workers() * 2),
                        Map.of("status", "DUPLICATE", "n", (long) config.workers() * 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.inFlight() == 0);
    }

    @Test
    void anEventTakenBackMoreThanMaxClaimsTimesThatNoWorkerBeganIsNotDead() throws Exception {
        String id = postStopped("takeback", 1).get(0);
        for (int crash = 1; crash <= config.maxClaims() + 2; crash++) {
            // a replica claims it and is SIGKILLed before a worker begins it; its lease runs out (or its restart takes it back)
            assertThat(queue.claimAs("replica-" + crash + "/run-1")).extracting(ClaimedEvent::eventId).as("claim %d", crash)
                    .contains(id);
            expireLease(id);
        }
        assertThat(row(id)).containsEntry("status", "PROCESSING").containsEntry("attempts", 0);

        camel.getRouteController().startRoute("event-dispatch");
        awaitFinal(dataSource, List.of(id), Duration.ofSeconds(60));
        assertThat(row(id)).containsEntry("status", "DONE").containsEntry("attempts", 1);
    }

    @Test
    void anEventBegunAndKilledMaxClaimsTimesIsDeadWithItsReason() throws Exception {
        String id = postStopped("poison", 1).get(0);
        for (int crash = 1; crash <= config.maxClaims(); crash++) {
            // a worker begins it and its replica dies in the middle (a poison event that crashes every worker)
            String replica = "replica-" + crash + "/run-1";
            ClaimedEvent claimed = queue.claimAs(replica).stream().filter(e -> e.eventId().equals(id)).findFirst().orElseThrow();
            assertThat(queue.beginAs(replica, claimed)).get().extracting(ClaimedEvent::attempts).isEqualTo(crash);
            expireLease(id);
        }
        assertThat(queue.claimAs("replica-after/run-1")).extracting(ClaimedEvent::eventId)
                .as("begun max-claims times: no replica claims it again").doesNotContain(id);

        camel.getRouteController().startRoute("event-dispatch");
        awaitFinal(dataSource, List.of(id), Duration.ofSeconds(30));
        assertThat(row(id)).containsEntry("status", "DEAD").containsEntry("attempts", config.maxClaims());
        assertThat((String) row(id).get("last_error")).startsWith("abandoned: begun " + config.maxClaims() + " times without an outcome");
        assertThat(query(dataSource, "SELECT error_class, attempts FROM dead_letter WHERE event_id = CAST(? AS uuid)", id))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("error_class")).isEqualTo("abandoned");
                    assertThat(r.get("attempts")).isEqualTo(config.maxClaims());
                });
    }

    @Test
    void aWorkerThatLostTheLeaseBeforeBeginningLeavesTheEventAlone() throws Exception {
        String id = postStopped("lost", 1).get(0);
        ClaimedEvent mine = queue.claimAs(queue.holder()).stream().filter(e -> e.eventId().equals(id)).findFirst().orElseThrow();
        expireLease(id);
        queue.claimAs("the-new-holder/run-1");
        Map<String, Object> before = row(id);

        assertThat(queue.begin(mine)).as("this run no longer holds it").isEmpty();
        assertThat(row(id)).isEqualTo(before).containsEntry("claimed_by", "the-new-holder/run-1").containsEntry("attempts", 0);
        expireLease(id);
    }

    /**
     * Events whose holder died come back first: one retried before has its next attempt behind the whole backlog, and
     * after a restart it would wait for all of it (in a crash run: 20-70 s, where 30 s is the bound).
     */
    @Test
    void eventsWhoseHolderDiedAreClaimedBeforeTheBacklog() throws Exception {
        List<String> backlog = postStopped("backlog", 3);
        List<String> stranded = postStopped("stranded", 2);
        try {
            // a dead replica held these, each on its second attempt, due again only after the backlog
            update(dataSource, "UPDATE raw_event SET status = 'PROCESSING', attempts = 2, claimed_by = 'replica-that-died/run-1', "
                    + "claimed_until = now() - interval '1 second', next_attempt_at = now() + interval '1 hour' "
                    + "WHERE event_id = ANY (CAST(? AS uuid[]))", (Object) stranded.toArray(String[]::new));

            List<ClaimedEvent> first = queue.claimAs("replica-b/run-1", 2);

            assertThat(first).extracting(ClaimedEvent::eventId).containsExactlyInAnyOrderElementsOf(stranded);
        } finally {
            update(dataSource, "UPDATE raw_event SET status = 'QUEUED', attempts = 0, claimed_by = NULL, claimed_until = NULL, "
                    + "next_attempt_at = now() WHERE event_id = ANY (CAST(? AS uuid[]))",
                    (Object) java.util.stream.Stream.concat(backlog.stream(), stranded.stream()).toArray(String[]::new));
        }
    }

    private List<String> postStopped(String prefix, int count) throws Exception {
        String t = UUID.randomUUID().toString().substring(0, 8);
        camel.getRouteController().stopRoute("event-dispatch");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(postWebform(lead(prefix + "-" + t + "-" + i, prefix + "-" + t + "-" + i + "@example.org", "Claim Count",
                    "Claims " + t + " " + i, prefix + "-" + t + "-" + i + ".example")).then().statusCode(202).extract().path("eventId"));
        }
        return ids;
    }

    private void expireLease(String id) {
        update(dataSource, "UPDATE raw_event SET claimed_until = now() - interval '1 millisecond' WHERE event_id = CAST(? AS uuid)", id);
    }

    private long processingBy(String holder, List<ClaimedEvent> events) {
        return ((Number) query(dataSource, "SELECT count(*) AS n FROM raw_event WHERE status = 'PROCESSING' AND claimed_by = ? "
                + "AND event_id = ANY (CAST(? AS uuid[]))", holder,
                (Object) events.stream().map(ClaimedEvent::eventId).toArray(String[]::new)).get(0).get("n")).longValue();
    }

    private long count(String sql, List<String> ids) {
        return ((Number) query(dataSource, sql, (Object) ids.toArray(String[]::new)).get(0).get("n")).longValue();
    }

    private Map<String, Object> row(String id) {
        return query(dataSource, "SELECT status, attempts, claimed_by, claimed_until, last_error "
                + "FROM raw_event WHERE event_id = CAST(? AS uuid)", id).get(0);
    }
}
