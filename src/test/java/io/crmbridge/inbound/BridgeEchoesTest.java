package io.crmbridge.inbound;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.crmbridge.testsupport.SandboxControl.control;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Echoes in the crash runs: the contacts, companies and deals of lead events, written by the bridge alone,
 * whose origin stamps a kill took away (the CRM write committed, the process died before the stamp; the event's run
 * after the restart finds the records up to date and stamps nothing). The pollers of all three objects must deliver
 * none of them. A record a person inserted afterwards is delivered (and proves the polls read past the bridge's
 * writes).
 */
@QuarkusTest
class BridgeEchoesTest {

    private static final List<String> OBJECTS = List.of("contacts", "companies", "deals");

    @Inject
    InboundFixture fixture;

    @Inject
    DataSource dataSource;

    @AfterEach
    void stop() throws Exception {
        SandboxControl.clearFaults();
        for (String object : OBJECTS) {
            fixture.stop(route(object));
        }
    }

    @Test
    void recordsOnlyTheBridgeWroteNeverReachTheIntakeEvenWithoutTheirOriginStamps() throws Exception {
        for (String object : OBJECTS) {
            fixture.reset(object);
        }
        given().header("Authorization", "Bearer test-admin-token").post("/admin/connections/hubspot/provision").then()
                .statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int person = i % 12;
            events.add(postWebform(lead("echo-" + run + "-" + i, "echo-" + run + "-" + person + "@example.org",
                    "Person " + person, "Echo Co " + run + " " + person / 3, "echo-" + run + "-" + person / 3 + ".example"))
                    .then().statusCode(202).extract().<String>path("eventId"));
        }
        awaitFinal(dataSource, events, Duration.ofMinutes(3));
        assertThat(events.stream().map(e -> status(dataSource, e))).containsOnly("DONE");
        // What a kill between the CRM writes and their origin stamps leaves behind: the CRM has the bridge's writes,
        // the bridge has no stamp of them (the event runs again after the restart, finds every record up to date,
        // writes nothing and so stamps nothing; a write whose answer never came back leaves no id to stamp either).
        int unstamped = 0;
        for (String object : OBJECTS) {
            unstamped += fixture.count("WITH gone AS (DELETE FROM origin_stamp WHERE connection = 'hubspot'"
                    + " AND object = ? RETURNING 1) SELECT count(*) FROM gone", object);
        }
        assertThat(unstamped).as("records the bridge wrote (12 contacts, 4 companies, 12 deals)").isGreaterThanOrEqualTo(28);
        for (String object : OBJECTS) {
            fixture.start(route(object));
        }

        // People insert one record of each object after the bridge's writes: once each is delivered, the polls
        // have judged every record the bridge wrote before it.
        Map<String, String> human = Map.of(
                "contacts", insert("contacts", Map.of("email", "person-" + run + "@example.org", "firstname", "Ann")),
                "companies", insert("companies", Map.of("name", "Person Co " + run, "domain", "person-" + run + ".example")),
                "deals", insert("deals", Map.of("dealname", "Person deal " + run, "pipeline", "default",
                        "dealstage", "appointmentscheduled")));
        for (String object : OBJECTS) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> fixture.outboxCounts(object).containsKey(human.get(object)));
        }
        for (String object : OBJECTS) {
            assertThat(fixture.outboxCounts(object)).as("%s in the intake", object)
                    .containsOnlyKeys(human.get(object));
        }
        assertThat(fixture.cursor("contacts").loopsSuppressed()).isGreaterThanOrEqualTo(12);
    }

    private static String insert(String object, Map<String, String> properties) {
        return control().body(Map.of("properties", properties)).post("/objects/" + object).then().statusCode(201)
                .extract().path("id");
    }

    private static String route(String object) {
        return "poll-hubspot-" + object;
    }
}
