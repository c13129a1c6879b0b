package io.crmbridge.inbound;

import static io.crmbridge.outbound.OutboundTestSupport.WEBFORM_SECRET;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.crmbridge.testsupport.CrmView;
import io.crmbridge.testsupport.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The inbound core, written once and run against each CRM kind through its own poll route
 * ({@code poll-hubspot-contacts}, {@code poll-clio-contacts}, {@code poll-tiny-contacts}; one template in
 * routes/inbound-poll.yaml): more than a page of records is delivered exactly once, a person's edit reaches the intake,
 * and the bridge's own write does not come back (HubSpot: property history; Clio and the tiny CRM: origin stamps).
 */
@QuarkusTest
class PollEachCrmTest {

    @Inject
    CamelContext camel;

    @Inject
    SyncCursors cursors;

    @Inject
    DataSource dataSource;

    static List<CrmView> crms() {
        return CrmView.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void pagesEditsAndOwnWrites(CrmView crm) throws Exception {
        String route = "poll-" + crm.connection() + "-contacts";
        String connection = crm.connection();
        try {
            emptyCrmAndIntake(crm);

            // more than one page (200 a page): each record once
            crm.seedContacts(450);
            camel.getRouteController().startRoute(route);
            await().atMost(Duration.ofSeconds(180)).until(() -> rows(connection).size() >= 450);
            assertThat(rows(connection)).hasSize(450).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));

            // a person's edit reaches the intake, with the new value
            String edited = rows(connection).keySet().iterator().next();
            crm.humanEditLastName(edited, "Edited");
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(connection).get(edited) == 2);
            assertThat(lastPayload(connection, edited)).contains("Edited");

            // the bridge's own write: the lead's contact is made, the poll reads past it, and it is not delivered
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String email = "own-" + tag + "@example.org";
            String event = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET)
                    .body(lead("sub-" + tag, email, "Own Write", "Own " + tag, "own-" + tag + ".example"))
                    .post("/events/" + crm.webformSource()).then().statusCode(202).extract().path("eventId");
            awaitFinal(dataSource, List.of(event), Duration.ofSeconds(60));
            String own = crm.contactsByEmail(email).get(0);
            // a poll that began after the write had settled (1 s) has read past it
            Instant written = Instant.now().plusSeconds(3);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Instant last = cursors.find(connection, "contacts").orElseThrow().lastSuccessAt();
                return last != null && last.isAfter(written);
            });
            assertThat(rows(connection)).doesNotContainKey(own);
            assertThat(rows(connection)).hasSize(450);
            assertThat(cursors.find(connection, "contacts").orElseThrow().loopsSuppressed()).isPositive();

            // a person's later edit of the bridge's own record is theirs, and reaches the intake
            crm.humanEditLastName(own, "Personal");
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(connection).containsKey(own));
            assertThat(rows(connection).get(own)).isEqualTo(1);
            assertThat(lastPayload(connection, own)).contains("Personal");
        } finally {
            if (camel.getRouteController().getRouteStatus(route) != ServiceStatus.Stopped) {
                camel.getRouteController().stopRoute(route, 60, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void aPollStoppedInTheMiddleAndStartedAgainDeliversEachRecordOnce(CrmView crm) throws Exception {
        String route = "poll-" + crm.connection() + "-contacts";
        String connection = crm.connection();
        try {
            emptyCrmAndIntake(crm);
            long deliveredBefore = cursors.find(connection, "contacts").map(SyncCursors.Row::recordsDelivered).orElse(0L);
            crm.seedContacts(3_000);
            // each page of changes answers after 300 ms: the stop comes while the poll is still paging (15 pages)
            crm.faults(Map.of("rules", List.of(fault(crm, "latencyMillis", 300))));
            camel.getRouteController().startRoute(route);
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(connection).size() >= 200);
            camel.getRouteController().stopRoute(route, 60, TimeUnit.SECONDS);
            int delivered = rows(connection).size();
            SyncCursors.Row stopped = cursors.find(connection, "contacts").orElseThrow();
            assertThat(delivered).as("the poll was stopped before its end").isLessThan(3_000);
            assertThat(stopped.recordsDelivered() - deliveredBefore).as("the stop let the page in progress commit")
                    .isEqualTo(delivered);

            crm.clearFaults();
            Instant restarted = Instant.now();
            camel.getRouteController().startRoute(route);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Instant last = cursors.find(connection, "contacts").orElseThrow().lastSuccessAt();
                return last != null && last.isAfter(restarted);
            });
            assertThat(rows(connection)).hasSize(3_000).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        } finally {
            crm.clearFaults();
            if (camel.getRouteController().getRouteStatus(route) != ServiceStatus.Stopped) {
                camel.getRouteController().stopRoute(route, 60, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void whileTheCrmAnswersErrorsTheCursorHoldsAndAChangeMadeMeanwhileArrivesAfter(CrmView crm) throws Exception {
        String route = "poll-" + crm.connection() + "-contacts";
        String connection = crm.connection();
        try {
            emptyCrmAndIntake(crm);
            crm.seedContacts(20);
            camel.getRouteController().startRoute(route);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(connection).size() >= 20);

            crm.faults(Map.of("rules", List.of(fault(crm, "errorRate", 1.0, "statuses", List.of(503)))));
            var before = cursors.find(connection, "contacts").orElseThrow().cursor();
            String meanwhile = crm.insertContact("outage-" + UUID.randomUUID() + "@example.org", "Out", "Age");
            await().atMost(Duration.ofSeconds(15)).until(() -> cursors.find(connection, "contacts").orElseThrow()
                    .lastError() != null);
            SyncCursors.Row during = cursors.find(connection, "contacts").orElseThrow();
            assertThat(during.cursor()).as("no cursor move after an API error").isEqualTo(before);
            assertThat(during.lastError()).contains("503");
            assertThat(rows(connection)).doesNotContainKey(meanwhile);

            crm.clearFaults();
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(connection).containsKey(meanwhile));
            assertThat(rows(connection)).hasSize(21).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        } finally {
            crm.clearFaults();
            if (camel.getRouteController().getRouteStatus(route) != ServiceStatus.Stopped) {
                camel.getRouteController().stopRoute(route, 60, TimeUnit.SECONDS);
            }
        }
    }

    /** A fault rule over the calls that page changed contacts. */
    private static Map<String, Object> fault(CrmView crm, Object... fault) {
        Map<String, Object> rule = new HashMap<>(crm.changedContactsCalls());
        for (int i = 0; i < fault.length; i += 2) {
            rule.put((String) fault[i], fault[i + 1]);
        }
        return rule;
    }

    private Map<String, Integer> rows(String connection) throws SQLException {
        return TestDb.counts(dataSource,
                "SELECT record_id, count(*) FROM intake_outbox WHERE connection = ? AND object = 'contacts' GROUP BY record_id",
                connection);
    }

    private String lastPayload(String connection, String id) throws SQLException {
        return (String) TestDb.scalar(dataSource,
                "SELECT payload::text FROM intake_outbox WHERE connection = ? AND object = 'contacts' AND record_id = ?"
                        + " ORDER BY id DESC LIMIT 1", connection, id);
    }

    /** An empty CRM account, no cursor, no contacts in the intake: a poll that starts from scratch. */
    private void emptyCrmAndIntake(CrmView crm) throws SQLException {
        crm.reset();
        cursors.reset(crm.connection(), "contacts");
        sql("DELETE FROM intake_outbox WHERE connection = ? AND object = 'contacts'", crm.connection());
    }

    private void sql(String sql, String param) throws SQLException {
        TestDb.update(dataSource, sql, param);
    }
}
