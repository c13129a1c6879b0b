package io.crmbridge.inbound;

import static io.crmbridge.testsupport.SandboxControl.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.loopguard.OriginStamps;
import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The poller against a sandbox as unkind as HubSpot: property history with sources, ties in random order,
 * archived records and merged contacts.
 */
@QuarkusTest
class InboundRealCrmTest {

    static final String ROUTE = "poll-hubspot-contacts";

    @Inject
    InboundFixture fixture;

    @Inject
    ProducerTemplate producer;

    @Inject
    OriginStamps originStamps;

    @AfterEach
    void restore() throws Exception {
        fixture.stop(ROUTE);
        fixture.clearFaults();
        SandboxControl.resetTieOrder();
    }

    /** One poll, run by hand (the poll route is stopped): exactly the calls and deliveries of one poll. */
    private void pollOnce() {
        producer.sendBodyAndHeaders("direct:poll-pages", null,
                Map.of(ExchangeKeys.POLL_CONNECTION, "hubspot", ExchangeKeys.POLL_OBJECT, "contacts"));
    }

    /** Polls by hand until what the settle delay holds back has settled and {@code done} holds. */
    private void pollUntil(java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            pollOnce();
            return done.call();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonsEditBeforeABridgeWriteIsDeliveredWithWhoChangedItAndTheBridgesOwnWriteAloneIsNot() {
        fixture.reset("contacts");
        String id = fixture.insertContact("person-" + System.nanoTime() + "@example.com");
        pollUntil(() -> fixture.outboxCounts("contacts").containsKey(id));
        int before = fixture.outboxCounts("contacts").get(id);

        // t0: a rep changes the phone. t1, before the next poll: the bridge writes the company (and stamps it).
        SandboxControl.humanEdit("contacts", id, Map.of("phone", "+15550100"), 9000001);
        bridgeWrites(id, Map.of("company", "Acme"));
        pollUntil(() -> fixture.outboxCounts("contacts").get(id) > before);
        assertThat(fixture.outboxCounts("contacts").get(id)).isEqualTo(before + 1);
        assertThat(fixture.count("SELECT count(*) FROM intake_outbox WHERE record_id = ?"
                + " AND payload->'properties'->>'phone' = '+15550100' AND payload->'properties'->>'company' = 'Acme'"
                + " AND payload->'changes' @> '[{\"property\":\"phone\",\"source\":\"PERSON\",\"userId\":\"9000001\"}]'"
                + " AND payload->'changes' @> '[{\"property\":\"company\",\"source\":\"BRIDGE\"}]'", id))
                .as("the phone change reached the intake, saying who made it").isEqualTo(1);

        // The bridge writes again, alone: its own echo is not delivered, and that is counted.
        long loops = fixture.cursor("contacts").loopsSuppressed();
        bridgeWrites(id, Map.of("company", "Acme Ltd"));
        pollUntil(() -> fixture.cursor("contacts").loopsSuppressed() > loops);
        assertThat(fixture.outboxCounts("contacts").get(id)).isEqualTo(before + 1);
    }

    @Test
    void aChangeBackToTheValueTheBridgeWroteCountsAsTheBridgesOwn() {
        String id = contactWhosePhoneTheBridgeWrote("same-value-");
        int before = fixture.outboxCounts("contacts").get(id);

        SandboxControl.humanEdit("contacts", id, Map.of("phone", "+15550199"), 9000002);
        pollUntil(() -> fixture.outboxCounts("contacts").get(id) > before);

        // A person (or another integration) sets the value the bridge last wrote: the bridge's own, not delivered.
        long loopsAfter = fixture.cursor("contacts").loopsSuppressed();
        SandboxControl.humanEdit("contacts", id, Map.of("phone", "+15550100"), 9000002);
        pollUntil(() -> fixture.cursor("contacts").loopsSuppressed() > loopsAfter);
        assertThat(fixture.outboxCounts("contacts").get(id)).isEqualTo(before + 1);
    }

    @Test
    void aWriteResentWithTheValuesTheRecordHasIsNotDelivered() {
        String id = contactWhosePhoneTheBridgeWrote("resent-");
        int before = fixture.outboxCounts("contacts").get(id);

        // its answer was lost: the bridge sends the same write again; the CRM moves the record's modification time
        // and keeps no new version of any property
        long polled = fixture.cursor("contacts").recordsPolled();
        producer.requestBodyAndHeader("direct:crm-contact-update", new LinkedHashMap<>(Map.of("phone", "+15550100")),
                "crmObjectId", id, Map.class);
        pollUntil(() -> fixture.cursor("contacts").recordsPolled() > polled);

        assertThat(fixture.outboxCounts("contacts").get(id)).as("nothing changed, nothing delivered").isEqualTo(before);
    }

    /** A person's contact, delivered; then the bridge writes its phone (+15550100), and that echo is suppressed. */
    private String contactWhosePhoneTheBridgeWrote(String prefix) {
        fixture.reset("contacts");
        String id = fixture.insertContact(prefix + System.nanoTime() + "@example.com");
        pollUntil(() -> fixture.outboxCounts("contacts").containsKey(id));
        long loops = fixture.cursor("contacts").loopsSuppressed();
        bridgeWrites(id, Map.of("phone", "+15550100"));
        pollUntil(() -> fixture.cursor("contacts").loopsSuppressed() > loops);
        return id;
    }

    @SuppressWarnings("unchecked")
    private void bridgeWrites(String id, Map<String, String> properties) {
        producer.requestBodyAndHeader("direct:crm-contact-update", new LinkedHashMap<>(properties), "crmObjectId", id,
                Map.class);
        originStamps.stamp("hubspot", "contacts", id, properties, UUID.randomUUID().toString(), null);
    }

    @Test
    void twelveThousandTiesInRandomOrderAreEachDeliveredOnceAndTheNextPollCostsTwoSearches() {
        fixture.reset("contacts");
        SandboxControl.tieOrder("random", 7);
        fixture.seedContacts(12_000);
        Instant monthEnd = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        fixture.bulkTouchContacts(12_000, monthEnd);

        for (int i = 0; i < 20 && fixture.outboxRows("contacts") < 12_000; i++) {
            pollOnce(); // a poll reads what has settled: the whole tie group, however large
        }
        var counts = fixture.outboxVersionCounts("contacts");
        assertThat(counts).hasSize(12_000);
        assertThat(counts.values()).allMatch(n -> n == 1);
        assertThat(counts.keySet()).allMatch(k -> k.endsWith("@" + monthEnd));
        assertThat(fixture.cursor("contacts").cursor().modifiedAt()).isEqualTo(monthEnd);

        SandboxControl.resetCounters();
        long delivered = fixture.cursor("contacts").recordsDelivered();
        pollOnce();
        assertThat(searches()).as("the done tie group is not read again").isLessThanOrEqualTo(2);
        assertThat(fixture.cursor("contacts").recordsDelivered()).isEqualTo(delivered);
        assertThat(fixture.outboxRows("contacts")).isEqualTo(12_000);
    }

    @Test
    void aPageOfMoreChangedRecordsThanAHistoryReadTakesIsReadInChunksOfFiftyAndDeliveredOnce() {
        fixture.reset("contacts");
        fixture.seedContacts(120);
        fixture.bulkTouchContacts(120, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5));
        SandboxControl.resetCounters();

        pollUntil(() -> fixture.outboxRows("contacts") >= 120);
        var counts = fixture.outboxVersionCounts("contacts");
        assertThat(counts).hasSize(120);
        assertThat(counts.values()).allMatch(n -> n == 1);
        assertThat(SandboxControl.served(400)).as("no history read the CRM refused").isZero();
        assertThat(calls("/batch/read")).as("a page of 120 changed records: three history reads").isGreaterThanOrEqualTo(3);
    }

    private long calls(String pathEnd) {
        List<Map<String, Object>> counters = control().get("/counters").then().statusCode(200).extract().jsonPath()
                .getList("counters");
        return counters.stream().filter(c -> String.valueOf(c.get("path")).endsWith(pathEnd))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    private long searches() {
        return calls("/search");
    }

    @Test
    void anArchivedContactAndAMergedContactEachReachTheIntakeOnceAsANotice() {
        fixture.reset("contacts");
        String gone = fixture.insertContact("gone-" + System.nanoTime() + "@example.com");
        String primary = fixture.insertContact("primary-" + System.nanoTime() + "@example.com");
        String merged = fixture.insertContact("merged-" + System.nanoTime() + "@example.com");
        pollUntil(() -> fixture.outboxRows("contacts") >= 3);

        SandboxControl.archive("contacts", gone);
        SandboxControl.merge(primary, merged, null);
        pollUntil(() -> notices("deleted", gone) == 1 && notices("merged", merged) == 1);
        pollOnce();
        pollOnce();
        assertThat(notices("deleted", gone)).isEqualTo(1);
        assertThat(notices("merged", merged)).isEqualTo(1);
        assertThat(fixture.count("SELECT count(*) FROM intake_outbox WHERE record_id = ? AND payload->>'kind' = 'merged'"
                + " AND payload->>'mergedInto' = '" + primary + "'", merged)).isEqualTo(1);
    }

    private int notices(String kind, String id) {
        return fixture.count("SELECT count(*) FROM intake_outbox WHERE connection = 'hubspot' AND object = 'contacts'"
                + " AND payload->>'kind' = '" + kind + "' AND record_id = ?", id);
    }
}
