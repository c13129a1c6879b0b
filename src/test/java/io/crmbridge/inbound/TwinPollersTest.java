package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Two pollers of one object at once (as if leader election failed): nothing is delivered twice. */
@QuarkusTest
class TwinPollersTest {

    static final String ROUTE = "poll-hubspot-contacts";
    static final String TWIN = "test-poll-twin-contacts";

    @Inject
    InboundFixture fixture;

    @Inject
    CamelContext camel;

    @AfterEach
    void removeTwin() throws Exception {
        fixture.stop(ROUTE);
        fixture.clearFaults();
        if (camel.getRoute(TWIN) != null) {
            fixture.stop(TWIN);
            camel.removeRoute(TWIN);
        }
    }

    @Test
    void twoPollersRunningAtOnceDeliverEveryRecordOnce() throws Exception {
        fixture.reset("contacts");
        camel.addRouteFromTemplate(TWIN, PollRoutes.TEMPLATE,
                Map.of("connection", "hubspot", "object", "contacts", "interval", "100", "timerName", TWIN, "autoStartup", "false"));
        fixture.seedContacts(3_000);
        // Hidden (stamped an hour ahead) until both pollers poll and find nothing; then stamped now, so both read the
        // same pages at once once they settle (a page of the table intake drains in milliseconds, so records already
        // there would be gone before the second poller started).
        fixture.bulkTouchContacts(3_000, Instant.now().plus(1, ChronoUnit.HOURS));
        fixture.slowSearches(100);

        fixture.start(ROUTE);
        fixture.start(TWIN);
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getInflightRepository().size(ROUTE) > 0
                && camel.getInflightRepository().size(TWIN) > 0);
        assertThat(fixture.outboxRows("contacts")).as("nothing visible before both pollers run").isZero();
        // after every settle bound either poller has computed so far (the cursor never passes the CRM's now)
        fixture.bulkTouchContacts(3_000, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        await().atMost(Duration.ofSeconds(90)).until(() -> fixture.outboxRows("contacts") >= 3_000
                && fixture.cursor("contacts").duplicatesSkipped() > 0);
        fixture.stop(TWIN);
        fixture.stop(ROUTE);

        var counts = fixture.outboxCounts("contacts");
        assertThat(counts).hasSize(3_000);
        assertThat(counts.values()).allMatch(n -> n == 1);
    }
}
