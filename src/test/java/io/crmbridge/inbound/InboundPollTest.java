package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The poll route against the sandbox: exactly once at volume, ties past the 10,000 cap, changes during a poll. */
@QuarkusTest
class InboundPollTest {

    static final String ROUTE = "poll-hubspot-contacts";

    @Inject
    InboundFixture fixture;

    @AfterEach
    void stopPolling() throws Exception {
        fixture.stop(ROUTE);
        fixture.clearFaults();
    }

    @Test
    void tenThousandChangedRecordsAreDeliveredExactlyOnceAndPollingAgainDeliversNothing() throws Exception {
        fixture.reset("contacts");
        fixture.seedContacts(10_000);
        Instant started = Instant.now();

        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(120)).until(() -> fixture.outboxRows("contacts") >= 10_000
                && after(fixture.lastSuccess("contacts"), started));
        var firstPass = fixture.cursor("contacts");

        // Later polls (they resume strictly after the cursor pair), then the same window again from the beginning.
        Instant later = Instant.now();
        await().atMost(Duration.ofSeconds(120)).until(() -> after(fixture.lastSuccess("contacts"), later));
        fixture.stop(ROUTE);
        assertThat(fixture.cursor("contacts").cursor()).isEqualTo(firstPass.cursor());
        fixture.resetCursor("contacts");
        Instant again = Instant.now();
        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(120)).until(() -> after(fixture.lastSuccess("contacts"), again));
        fixture.stop(ROUTE);

        var counts = fixture.outboxCounts("contacts");
        assertThat(counts).hasSize(10_000);
        assertThat(counts.values()).allMatch(n -> n == 1);
        var cursor = fixture.cursor("contacts");
        assertThat(cursor.cursor()).isEqualTo(firstPass.cursor());
        assertThat(cursor.recordsDelivered()).isEqualTo(10_000);
        assertThat(cursor.duplicatesSkipped()).as("the second poll re-read the window and skipped it").isGreaterThanOrEqualTo(10_000);
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("crmbridge_inbound_records_polled_total", "crmbridge_inbound_duplicates_skipped_total",
                "crmbridge_inbound_records_delivered_total", "crmbridge_inbound_poll_lag_seconds");
    }

    @Test
    void aTieGroupOfManyPagesStampedAheadIsDeliveredOnceWhenItSettles() throws Exception {
        // Twelve thousand ties in random order, polled directly, are InboundRealCrmTest's; here the scheduled route
        // meets a tie group of six pages that only settles after it started.
        int records = 6 * 200;
        fixture.reset("contacts");
        fixture.seedContacts(records);
        // Stamped a second ahead: a poll reads them only once they settled (the CRM's now minus the settle delay), so
        // polls before that succeed with nothing. Wait for all of them, then for one more poll that finds nothing new.
        Instant monthEnd = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        fixture.bulkTouchContacts(records, monthEnd);

        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(300)).until(() -> fixture.outboxRows("contacts") >= records);
        Instant drained = Instant.now();
        await().atMost(Duration.ofSeconds(120)).until(() -> after(fixture.lastSuccess("contacts"), drained));
        fixture.stop(ROUTE);

        var counts = fixture.outboxVersionCounts("contacts");
        assertThat(counts).hasSize(records);
        assertThat(counts.values()).allMatch(n -> n == 1);
        assertThat(counts.keySet()).allMatch(k -> k.endsWith("@" + monthEnd));
        assertThat(fixture.cursor("contacts").cursor().modifiedAt()).isEqualTo(monthEnd);
    }

    static boolean after(Instant instant, Instant reference) {
        return instant != null && instant.isAfter(reference);
    }
}
