package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.WEBFORM_SECRET;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.testsupport.TestDb.update;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import io.crmbridge.inbound.SyncCursors;
import io.crmbridge.testsupport.ClioSandboxControl;

import io.crmbridge.testsupport.ClioView;
import io.crmbridge.testsupport.HubSpotView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The demo's wiring (routes/clio-matter.yaml and the sources' configuration): one lead posted to {@code /leads} lands
 * in HubSpot (contact, company, deal) and opens a matter in Clio whose client is the lead's person contact.
 */
@QuarkusTest
class ClioMatterRouteTest {

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Inject
    SyncCursors cursors;

    @Test
    void oneLeadLandsInHubSpotAndOpensAMatterInClio() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "both-" + tag + "@example.org";
        List<String> events = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET)
                .body(lead("sub-" + tag, email, "Ada Lovelace", "Both " + tag, "both-" + tag + ".example"))
                .post("/leads").then().statusCode(202).extract().jsonPath().getList("events.eventId");
        assertThat(events).hasSize(2).doesNotContainNull();
        awaitFinal(dataSource, events, Duration.ofSeconds(60));
        assertThat(events.stream().map(id -> status(dataSource, id))).containsExactly("DONE", "DONE");

        HubSpotView hubspot = new HubSpotView();
        List<String> hubspotContacts = hubspot.contactsByEmail(email);
        assertThat(hubspotContacts).hasSize(1);
        assertThat(hubspot.dealsOf(hubspotContacts.get(0))).hasSize(1);

        ClioView clio = new ClioView();
        List<String> people = clio.contactsByEmail(email);
        assertThat(people).hasSize(1);
        assertThat(clio.dealsOf(people.get(0))).as("a matter whose client is the person").hasSize(1);
    }

    @Test
    void eachConnectionRoutesTheOwnerByItsOwnRules() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "owner-" + tag + "@example.org";
        // routing tier enterprise: HubSpot's rule names an inactive owner (the fallback takes it), the clio
        // connection's own rule names one of the firm's lawyers
        List<String> events = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET)
                .body(lead("own-" + tag, email, "Grace Hopper", "Owner " + tag, "owner-" + tag + ".example")
                        .replace("\"routing_tier\": \"smb\"", "\"routing_tier\": \"enterprise\""))
                .post("/leads").then().statusCode(202).extract().jsonPath().getList("events.eventId");
        awaitFinal(dataSource, events, Duration.ofSeconds(60));
        assertThat(events.stream().map(id -> status(dataSource, id))).containsExactly("DONE", "DONE");

        ClioView clio = new ClioView();
        List<String> matters = clio.dealsOf(clio.contactsByEmail(email).get(0));
        assertThat(matters).hasSize(1);
        assertThat(clio.attorneyOf(matters.get(0))).isEqualTo("Blake Rivera");
    }

    @Test
    void theBridgesOwnMatterWithItsOwnerIsNotDeliveredBackButAPersonsEditIs() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "echo-" + tag + "@example.org";
        String route = "poll-clio-deals";
        // a routed lead: the matter gets a responsible attorney, written by id and read back as {id, name}
        String event = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET)
                .body(lead("echo-" + tag, email, "Echo Matter", "Echo " + tag, "echo-" + tag + ".example")
                        .replace("\"routing_tier\": \"smb\"", "\"routing_tier\": \"enterprise\""))
                .post("/events/webform-clio").then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(event), Duration.ofSeconds(60));
        assertThat(status(dataSource, event)).isEqualTo("DONE");
        ClioView clio = new ClioView();
        String matter = clio.dealsOf(clio.contactsByEmail(email).get(0)).get(0);
        assertThat(clio.attorneyOf(matter)).isEqualTo("Blake Rivera");
        cursors.reset("clio", "deals");
        update(dataSource, "DELETE FROM intake_outbox WHERE connection = 'clio' AND object = 'deals'");
        try {
            camel.getRouteController().startRoute(route);
            // a poll that began after the write had settled (1 s) has read past it: not delivered
            Instant settled = Instant.now().plusSeconds(3);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Instant last = cursors.find("clio", "deals").map(SyncCursors.Row::lastSuccessAt).orElse(null);
                return last != null && last.isAfter(settled);
            });
            assertThat(delivered(matter)).as("the bridge's own matter delivered back").isZero();

            // a person's edit of the same matter is delivered
            ClioSandboxControl.humanEdit("matters", Long.parseLong(matter), Map.of("description", "Edited " + tag));
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(matter) == 1);
        } finally {
            if (camel.getRouteController().getRouteStatus(route) != ServiceStatus.Stopped) {
                camel.getRouteController().stopRoute(route, 60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Clio's list queries lag writes (here 600 ms, within the poll's 1 s settle delay): the poll sweeps the changes in
     * {@code id(asc)} order from {@code updated_since} (Clio refuses an {@code updated_at} order on contacts), and every
     * matter and every later edit still reaches the intake exactly once.
     */
    @Test
    void withListQueriesLaggingWritesEveryChangeArrivesOnce() throws Exception {
        String route = "poll-clio-deals";
        long last = ClioSandboxControl.seed("matters", 3);
        // ids run over all resources: each seeded matter follows its client and the client's email item
        List<String> matters = List.of(String.valueOf(last - 6), String.valueOf(last - 3), String.valueOf(last));
        cursors.reset("clio", "deals");
        update(dataSource, "DELETE FROM intake_outbox WHERE connection = 'clio' AND object = 'deals'");
        ClioSandboxControl.listLag(Duration.ofMillis(600));
        try {
            camel.getRouteController().startRoute(route);
            await().atMost(Duration.ofSeconds(60)).until(() -> matters.stream().allMatch(m -> delivered(m) == 1));
            ClioSandboxControl.humanEdit("matters", last, Map.of("description", "Edited while lists lag"));
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(String.valueOf(last)) == 2);
            Instant settled = Instant.now().plusSeconds(3);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Instant done = cursors.find("clio", "deals").map(SyncCursors.Row::lastSuccessAt).orElse(null);
                return done != null && done.isAfter(settled);
            });
            assertThat(matters.stream().map(this::delivered)).containsExactly(1L, 1L, 2L);
        } finally {
            ClioSandboxControl.listLag(Duration.ZERO);
            if (camel.getRouteController().getRouteStatus(route) != ServiceStatus.Stopped) {
                camel.getRouteController().stopRoute(route, 60, TimeUnit.SECONDS);
            }
        }
    }

    private long delivered(String matter) {
        return query(dataSource, "SELECT 1 FROM intake_outbox WHERE connection = 'clio' AND object = 'deals' "
                + "AND record_id = ?", matter).size();
    }

    @Test
    void aLeadWithoutTheSendersSecretIsRefused() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong")
                .body(lead("sub-x", "x@example.org", "X", "X", "x.example")).post("/leads").then().statusCode(401);
    }
}
