package io.crmbridge.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * API errors, clock skew and edits during a poll: nothing lost, nothing twice, staleness visible. A poll stopped in the
 * middle and started again, against each CRM: {@code PollEachCrmTest}.
 */
@QuarkusTest
class InboundPollResilienceTest {

    static final String ROUTE = "poll-hubspot-contacts";

    @Inject
    InboundFixture fixture;

    @AfterEach
    void restore() throws Exception {
        fixture.stop(ROUTE);
        fixture.clearFaults();
        fixture.clockOffset(0);
    }

    @Test
    void aPollThatStopsSucceedingTurnsItsWellnessCheckDownWithinMaxStalenessReadinessStaysUpAndTheCursorHolds() throws Exception {
        fixture.reset("contacts");
        fixture.seedContacts(300);
        Instant started = Instant.now();
        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(30)).until(() -> InboundPollTest.after(fixture.lastSuccess("contacts"), started));
        given().get("/q/health/well").then().statusCode(200);

        fixture.failSearches();
        Instant lastSuccess = fixture.lastSuccess("contacts");
        var cursorBefore = fixture.cursor("contacts").cursor();
        String changedDuringOutage = fixture.insertContact("outage-" + System.nanoTime() + "@example.com");

        // max-staleness is 5 s in tests; the freshness check runs every 0.5 s.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/well").statusCode() == 503);
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'crm-polls' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'crm-polls' }.data.'hubspot/contacts'", containsString("STALE"));
        // A stale poll does not take the receiver out of the Service.
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", "Bearer test-admin-token").get("/admin/connections/hubspot").then().statusCode(200)
                .body("polls.find { it.object == 'contacts' }.status", equalTo("STALE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.count(
                "SELECT count(*) FROM operator_alert WHERE code = 'POLL_STALE' AND subject = ? AND cleared_at IS NULL",
                "hubspot/contacts") == 1);
        // Staleness is told within max-staleness (5 s in tests) plus a freshness check or two (every 0.5 s), and not
        // before: the alert's raising against the last success, both on the database's clock, whatever the machine.
        assertThat(fixture.secondsBetween(lastSuccess, "SELECT raised_at FROM operator_alert WHERE code = 'POLL_STALE' "
                + "AND subject = ? AND cleared_at IS NULL", "hubspot/contacts"))
                .as("seconds from the last success to the POLL_STALE alert").isBetween(4.5, 8.0);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixture.cursor("contacts").lastError() != null);
        var during = fixture.cursor("contacts");
        assertThat(during.cursor()).as("no cursor move after an API error").isEqualTo(cursorBefore);
        assertThat(during.lastError()).contains("503");
        assertThat(fixture.outboxCounts("contacts")).doesNotContainKey(changedDuringOutage);

        fixture.clearFaults();
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/q/health/well").statusCode() == 200
                && fixture.outboxCounts("contacts").containsKey(changedDuringOutage));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.count(
                "SELECT count(*) FROM operator_alert WHERE code = 'POLL_STALE' AND subject = ? AND cleared_at IS NULL",
                "hubspot/contacts") == 0);
    }

    @Test
    void crmClockSkewOfSixtySecondsEitherWayLosesNothing() throws Exception {
        // The CRM's clock is 60 s ahead of ours, then 60 s behind: the settle bound is taken from the CRM's own clock
        // (its Date header), so records are read as soon as they settled there, whatever our clock says. (This test
        // used to step the CRM's clock +60 -> 0 -> -60 during one run, which the old overlap window absorbed; a CRM
        // clock stepping back behind the committed cursor is no longer covered: nothing is re-read.)
        try {
            for (long skew : List.of(60L, -60L)) {
                fixture.reset("contacts");
                fixture.clockOffset(skew);
                fixture.start(ROUTE);
                for (int batch = 1; batch <= 2; batch++) {
                    for (int i = 0; i < 20; i++) {
                        fixture.insertContact("skew" + skew + "-" + batch + "-" + i + "-" + System.nanoTime()
                                + "@example.com");
                    }
                    int target = 20 * batch;
                    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outboxRows("contacts") >= target);
                }
                fixture.stop(ROUTE);
                var counts = fixture.outboxCounts("contacts");
                assertThat(counts).as("skew %ss", skew).hasSize(40);
                assertThat(counts.values()).allMatch(n -> n == 1);
            }
        } finally {
            fixture.clockOffset(0);
        }
    }

    @Test
    void recordsModifiedWhileALongPollRunsAreDeliveredAgainWithTheirNewVersion() throws Exception {
        fixture.reset("contacts");
        fixture.seedContacts(3_000);
        fixture.slowSearches(150);
        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.outboxRows("contacts") >= 600);

        List<String> edited = List.copyOf(fixture.outboxCounts("contacts").keySet()).subList(0, 10);
        for (String id : edited) {
            fixture.humanEdit(id, Map.of("firstname", "Edited"));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> fixture.outboxRows("contacts") >= 3_010);
        fixture.stop(ROUTE);

        var counts = fixture.outboxCounts("contacts");
        assertThat(counts).hasSize(3_000);
        edited.forEach(id -> assertThat(counts.get(id)).as("record %s: old and new version", id).isEqualTo(2));
        assertThat(fixture.outboxVersionCounts("contacts").values()).allMatch(n -> n == 1);
        assertThat(fixture.outboxRows("contacts")).isEqualTo(3_010);
    }
}
