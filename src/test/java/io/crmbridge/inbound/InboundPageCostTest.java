package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a poll page costs, by count, never by time: database statements for a page of 200 new
 * records with the table intake, and CRM calls per record for a drain.
 */
@QuarkusTest
class InboundPageCostTest {

    static final String ROUTE = "poll-hubspot-contacts";
    /** An object of its own, so the page's cursor and outbox rows touch no other test's. */
    static final String OBJECT = "pagecost";

    @Inject
    InboundFixture fixture;

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Inject
    IntakeTable table;

    @Inject
    InboundLoopGuard loopGuard;

    @Inject
    InboundRecords records;

    @Inject
    InboundMetrics metrics;

    @Inject
    ObjectMapper json;

    @Inject
    org.apache.camel.ProducerTemplate producer;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.stop(ROUTE);
        fixture.sql("DELETE FROM sync_cursor WHERE connection = 'hubspot' AND object = ?", OBJECT);
        fixture.sql("DELETE FROM intake_outbox WHERE connection = 'hubspot' AND object = ?", OBJECT);
        fixture.sql("DELETE FROM ledger WHERE ledger_key LIKE ?", "hubspot:" + OBJECT + ":%");
    }

    @Test
    void aPageOfTwoHundredNewRecordsIsTwoStatementsAndABadRecordGoesToReviewWithoutFailingThePage() throws Exception {
        cleanUp();
        AtomicInteger statements = new AtomicInteger();
        PageIntake intake = new PageIntake(counting(dataSource, statements), table, new SyncCursors(dataSource),
                loopGuard, records, metrics, json);
        String run = Long.toString(System.nanoTime(), 36);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");

        // 200 new records: one statement for ledger and outbox, one for the cursor.
        List<PolledRecord> page = page(run, "a", t, 200, -1);
        PollState state = deliver(intake, page);
        assertThat(statements.get()).as("statements for a page of 200 new records").isEqualTo(2);
        assertThat(fixture.outboxRows(OBJECT)).isEqualTo(200);
        assertThat(state.delivered).isEqualTo(200);
        SyncCursors.Row cursor = fixture.cursor(OBJECT);
        assertThat(cursor.cursor()).isEqualTo(new CursorPair(t.plusMillis(199), run + "a199"));
        assertThat(cursor.recordsDelivered()).isEqualTo(200);

        // The same page again (a second poller, a cursor reset): the ledger drops all of it, still one statement.
        statements.set(0);
        PollState again = deliver(intake, page);
        assertThat(statements.get()).isEqualTo(2);
        assertThat(again.delivered).isZero();
        assertThat(again.pageDuplicates).isEqualTo(200);
        assertThat(fixture.outboxRows(OBJECT)).isEqualTo(200);

        // A page with a record PostgreSQL refuses (a NUL character in jsonb): review for it, the other 199 delivered.
        int reviewsBefore = fixture.count("SELECT count(*) FROM review_item WHERE reason_code = ?", "INBOUND_RECORD_INVALID");
        List<PolledRecord> withBad = page(run, "b", t.plusSeconds(1), 200, 57);
        PollState bad = deliver(intake, withBad);
        assertThat(bad.delivered).isEqualTo(199);
        assertThat(fixture.outboxRows(OBJECT)).isEqualTo(399);
        assertThat(fixture.count("SELECT count(*) FROM review_item WHERE reason_code = ?", "INBOUND_RECORD_INVALID"))
                .isEqualTo(reviewsBefore + 1);
        assertThat(fixture.count("SELECT count(*) FROM review_item WHERE payload LIKE ?", "%" + run + "b57%")).isEqualTo(1);
        assertThat(fixture.cursor(OBJECT).cursor()).isEqualTo(new CursorPair(t.plusSeconds(1).plusMillis(199), run + "b199"));

        // Read again: nothing new, and the refused record is not reviewed twice.
        PollState badAgain = deliver(intake, withBad);
        assertThat(badAgain.delivered).isZero();
        assertThat(badAgain.pageDuplicates).isEqualTo(200);
        assertThat(fixture.count("SELECT count(*) FROM review_item WHERE payload LIKE ?", "%" + run + "b57%")).isEqualTo(1);
    }

    @Test
    void aDrainOfTwoThousandChangedContactsCostsAtMostThreeHundredthsOfACallPerRecord() throws Exception {
        fixture.reset("contacts");
        fixture.seedContacts(2_000);
        SandboxControl.resetCounters();

        // One poll, run by hand (the route is stopped), reads all of it: its calls are exactly the drain's.
        producer.sendBodyAndHeaders("direct:poll-pages", null,
                Map.of(ExchangeKeys.POLL_CONNECTION, "hubspot", ExchangeKeys.POLL_OBJECT, "contacts"));

        long calls = apiCalls();
        // A search per page of 199 new records (a full page's last modification time starts the next page): about
        // 11; a history read per 50 changed records (the most HubSpot takes): 40; one listing of archived records.
        // About 0.026 calls per record.
        assertThat(fixture.outboxRows("contacts")).isEqualTo(2_000);
        assertThat(calls).as("CRM calls for 2,000 records").isLessThanOrEqualTo(60);
    }

    private static long apiCalls() {
        List<Map<String, Object>> counters = SandboxControl.control().get("/counters").then().statusCode(200)
                .extract().jsonPath().getList("counters");
        return counters.stream().mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    private PollState deliver(PageIntake intake, List<PolledRecord> page) throws Exception {
        PollState state = new PollState("hubspot", OBJECT, "test", fixture.cursor(OBJECT) == null ? null
                : fixture.cursor(OBJECT).cursor(), Instant.now());
        state.startPage();
        state.page = page;
        state.stamps = Map.of(); // what PollHistory.plan reads for the page: none of these were written by the bridge
        state.pagePolled = page.size();
        for (PolledRecord r : page) {
            state.pageHighest = CursorPair.max(state.pageHighest, r.position());
        }
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(ExchangeKeys.POLL_STATE, state);
        exchange.getMessage().setBody(new ArrayList<>(page));
        intake.deliver(exchange);
        return state;
    }

    /** {@code count} records modified a millisecond apart from {@code t}; record {@code bad} (if >= 0) has a NUL. */
    private static List<PolledRecord> page(String run, String prefix, Instant t, int count, int bad) {
        List<PolledRecord> page = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = run + prefix + i;
            Instant modified = t.plusMillis(i);
            Map<String, Object> properties = Map.of("email", id + "@example.test", "firstname",
                    i == bad ? "Nul\u0000Byte" : "Ada");
            page.add(new PolledRecord("hubspot", OBJECT, id, modified, modified, modified.toString(), properties,
                    properties, PolledRecord.Kind.CHANGED, null, null));
        }
        return page;
    }

    /** The data source with every prepared statement counted (savepoints and commits are not statements here). */
    private static DataSource counting(DataSource real, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(InboundPageCostTest.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof Connection c) {
                        return countingConnection(c, statements);
                    }
                    return result;
                });
    }

    private static Connection countingConnection(Connection real, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(InboundPageCostTest.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
