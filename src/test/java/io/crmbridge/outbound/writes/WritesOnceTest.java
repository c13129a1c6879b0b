package io.crmbridge.outbound.writes;

import static io.crmbridge.outbound.OutboundTestSupport.associated;
import static io.crmbridge.outbound.OutboundTestSupport.associatedEach;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.acceptWebform;
import static io.crmbridge.outbound.OutboundTestSupport.properties;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.searchEach;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Outbound writes exactly once against a CRM that behaves like the real one: writes that commit and then
 * lose their answer, a search index that lags writes, old events replayed after newer ones, support tickets.
 */
@QuarkusTest
class WritesOnceTest {

    /** Lead events of the burst (-Dwrites-once.events=N for another size). */
    static final int EVENTS = Integer.getInteger("writes-once.events", 300);

    @Inject
    DataSource dataSource;

    @BeforeEach
    void provisioned() {
        SandboxControl.clearFaults();
        SandboxControl.resetSearchIndexLag();
        admin().post("/admin/connections/hubspot/provision").then().statusCode(200);
    }

    @AfterEach
    void kind() {
        SandboxControl.clearFaults();
        SandboxControl.resetSearchIndexLag();
    }

    @Test
    void leadBurstWithLostWriteAnswersAndLaggingSearchEndsDoneWithOneOfEach() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        // as on HubSpot, notes and tasks cannot hold a unique value: their key is a plain property
        admin().post("/admin/connections/hubspot/provision").then().statusCode(200)
                .body("keys.notes", org.hamcrest.Matchers.equalTo("NOT_UNIQUE"))
                .body("keys.tasks", org.hamcrest.Matchers.equalTo("NOT_UNIQUE"));
        // 15% of write answers lost after the CRM committed them (half 502, half a dropped connection)
        Map<String, Object> faults = Map.of("seed", 42, "rules", List.of(
                lost("POST", "/crm/v3/objects/[a-z]+(/batch/(upsert|create|update))?"),
                lost("PATCH", "/crm/v3/objects/.*"),
                lost("PUT", "/crm/v4/objects/.*")));
        SandboxControl.control().body(faults).put("/faults").then().statusCode(200);
        SandboxControl.searchIndexLag(Duration.ofSeconds(2));

        // EVENTS events: each email twice (a second event for the same person), four people per company
        int people = EVENTS / 2;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            int person = i % people;
            bodies.add(OutboundLeads.lead("burst-" + run + "-" + i, email(run, person), "Person " + person,
                    "Co " + run + " " + person / 4, domain(run, person / 4)));
        }
        List<String> ids = postAll(bodies);
        awaitFinal(dataSource, ids, Duration.ofMinutes(15));
        SandboxControl.clearFaults();
        SandboxControl.resetSearchIndexLag();

        Map<String, Long> statuses = new HashMap<>();
        ids.forEach(id -> statuses.merge(status(dataSource, id), 1L, Long::sum));
        assertThat(statuses).containsOnlyKeys("DONE").containsEntry("DONE", (long) EVENTS);

        // read back in batches (searches by IN, association batch reads): the same checks per record
        List<String> domains = IntStream.range(0, (people + 3) / 4).mapToObj(c -> domain(run, c)).toList();
        Map<String, List<String>> companiesByDomain = searchEach("companies", "domain", domains);
        Map<Integer, String> companies = new LinkedHashMap<>();
        for (int c = 0; c < domains.size(); c++) {
            List<String> found = companiesByDomain.get(domain(run, c));
            assertThat(found).as("companies with domain %s", domain(run, c)).hasSize(1);
            companies.put(c, found.get(0));
        }
        List<String> emails = IntStream.range(0, people).mapToObj(p -> email(run, p)).toList();
        Map<String, List<String>> contactsByEmail = searchEach("contacts", "email", emails);
        for (String email : emails) {
            assertThat(contactsByEmail.get(email)).as("contacts with email %s", email).hasSize(1);
        }
        List<String> contactIds = emails.stream().map(e -> contactsByEmail.get(e).get(0)).toList();
        Map<String, List<String>> dealsOf = associatedEach("contacts", contactIds, "deals");
        Map<String, List<String>> companiesOf = associatedEach("contacts", contactIds, "companies");
        Map<String, List<String>> notesOf = associatedEach("contacts", contactIds, "notes");
        for (int p = 0; p < people; p++) {
            assertThat(dealsOf.get(contactIds.get(p))).as("deals of %s", email(run, p)).hasSize(1);
        }
        List<String> dealIds = contactIds.stream().map(c -> dealsOf.get(c).get(0)).toList();
        Map<String, List<String>> contactsOfDeal = associatedEach("deals", dealIds, "contacts");
        Map<String, List<String>> companiesOfDeal = associatedEach("deals", dealIds, "companies");
        for (int p = 0; p < people; p++) {
            String contact = contactIds.get(p);
            String company = companies.get(p / 4);
            String deal = dealIds.get(p);
            assertThat(companiesOf.get(contact)).as("companies of %s", email(run, p)).containsExactly(company);
            assertThat(contactsOfDeal.get(deal)).as("contacts of the deal of %s", email(run, p)).containsExactly(contact);
            assertThat(companiesOfDeal.get(deal)).as("companies of the deal of %s", email(run, p))
                    .containsExactly(company);
            assertThat(notesOf.get(contact)).as("notes of %s (one per event)", email(run, p)).hasSize(2);
        }
    }

    @Test
    void anOldEventReplayedAfterANewerOneLeavesTheNewerValues() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "order-" + tag + "@example.org";
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        // the newer event (a booking) arrives first, the older one (the lead) after it
        String newer = post(desk("booking", "b-" + tag, t.plusSeconds(3600), email, "+14155550101", "order-" + tag));
        awaitFinal(dataSource, List.of(newer), Duration.ofSeconds(60));
        String older = post(desk("lead", "l-" + tag, t, email, "+14155550199", "order-" + tag));
        awaitFinal(dataSource, List.of(older), Duration.ofSeconds(60));
        assertThat(List.of(status(dataSource, newer), status(dataSource, older))).containsOnly("DONE");

        String contact = search("contacts", "email", email).get(0);
        assertThat(properties("contacts", contact, "phone").get("phone")).isEqualTo("+14155550101");
        List<String> deals = associated("contacts", contact, "deals");
        assertThat(deals).hasSize(1);
        assertThat(properties("deals", deals.get(0), "dealstage").get("dealstage")).isEqualTo("appointmentscheduled");

        // a still newer event does overwrite: the check compares times, it does not freeze the record
        String newest = post(desk("lead", "n-" + tag, t.plusSeconds(7200), email, "+14155550177", "order-" + tag));
        awaitFinal(dataSource, List.of(newest), Duration.ofSeconds(60));
        assertThat(status(dataSource, newest)).isEqualTo("DONE");
        assertThat(properties("contacts", contact, "phone").get("phone")).isEqualTo("+14155550177");
        assertThat(properties("deals", deals.get(0), "dealstage").get("dealstage")).isEqualTo("qualifiedtobuy");
        assertThat(associated("contacts", contact, "deals")).hasSize(1);
    }

    @Test
    void aSupportEventMakesOneTicketEvenWhenItsAnswerIsLostOrItComesAgain() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "help-" + tag + "@example.org";
        SandboxControl.loseNextResponses("POST", "/crm/v3/objects/tickets/batch/upsert", 1, "502");
        String first = post(desk("support", "case-" + tag, Instant.now(), email, "+14155550123", "help-" + tag));
        awaitFinal(dataSource, List.of(first), Duration.ofSeconds(60));
        assertThat(status(dataSource, first)).isEqualTo("DONE");
        String contact = search("contacts", "email", email).get(0);
        List<String> tickets = associated("contacts", contact, "tickets");
        assertThat(tickets).hasSize(1);
        String company = search("companies", "domain", "help-" + tag + ".example").get(0);
        assertThat(associated("tickets", tickets.get(0), "companies")).containsExactly(company);
        assertThat(associated("tickets", tickets.get(0), "notes")).hasSize(1);
        assertThat(query(dataSource, "SELECT 1 FROM event_trace WHERE event_id = CAST(? AS uuid) "
                + "AND crm_ids::text LIKE ?", first, "%" + tickets.get(0) + "%")).hasSize(1);

        // the same support case again (a new delivery of the source record): the same ticket, updated
        String again = post(desk("support", "case-" + tag, Instant.now(), email, "+14155550123", "help-" + tag)
                .replace("\"id\": \"support-", "\"id\": \"again-support-"));
        awaitFinal(dataSource, List.of(again), Duration.ofSeconds(60));
        assertThat(status(dataSource, again)).isEqualTo("DONE");
        assertThat(associated("contacts", contact, "tickets")).containsExactly(tickets.get(0));
    }

    @Test
    void provisioningWithoutTheSchemaScopeAlertsTheOperatorAndSaysSo() {
        SandboxControl.control().delete("/properties").then().statusCode(200);
        SandboxControl.missingSchemaScope(true);
        try {
            admin().post("/admin/connections/hubspot/provision").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.is("MISSING_SCOPE"))
                    .body("keys.companies", org.hamcrest.Matchers.is("NONE"));
            assertThat(query(dataSource, "SELECT message FROM operator_alert WHERE code = 'CRM_PROPERTIES_NOT_PROVISIONED' "
                    + "AND subject = 'hubspot' AND cleared_at IS NULL")).hasSize(1);
            admin().get("/admin/connections/hubspot/provision").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.is("MISSING_SCOPE"));
        } finally {
            SandboxControl.missingSchemaScope(false);
        }
        admin().post("/admin/connections/hubspot/provision").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("PROVISIONED"))
                .body("keys.companies", org.hamcrest.Matchers.is("UNIQUE"));
        assertThat(query(dataSource, "SELECT 1 FROM operator_alert WHERE code = 'CRM_PROPERTIES_NOT_PROVISIONED' "
                + "AND cleared_at IS NULL")).isEmpty();
        // idempotent: a second run creates nothing and says the same
        admin().post("/admin/connections/hubspot/provision").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("PROVISIONED"));
    }

    // --- helpers ---

    private static Map<String, Object> lost(String method, String pathPattern) {
        return Map.of("method", method, "pathPattern", pathPattern, "lostResponseRate", 0.15, "lostResponse", "502|drop");
    }

    private static String email(String run, int person) {
        return "burst-" + run + "-" + person + "@example.org";
    }

    private static String domain(String run, int company) {
        return "burst-" + run + "-" + company + ".example";
    }

    private static List<String> postAll(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> posts = new ArrayList<>();
            for (String body : bodies) {
                posts.add(pool.submit(() -> acceptWebform(body)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> post : posts) {
                ids.add(post.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String desk(String type, String record, Instant at, String email, String phone, String company) {
        return """
                {"id": "%s-%s", "type": "%s", "record": "%s", "at": "%s", "email": "%s", "name": "Ada Order",
                 "phone": "%s", "company": "%s", "domain": "%s.example", "consent": true,
                 "message": "Cannot log in since the update"}"""
                .formatted(type, record, type, record, at, email, phone, company, company);
    }

    private static String post(String body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer desk-secret").body(body)
                .post("/events/desk").then().statusCode(202).extract().path("eventId");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }

    /** The webform's lead payload (OutboundTestSupport.lead, kept here so the burst stays readable). */
    static final class OutboundLeads {
        private OutboundLeads() {
        }

        static String lead(String submissionId, String email, String name, String company, String website) {
            return io.crmbridge.outbound.OutboundTestSupport.lead(submissionId, email, name, company, website);
        }
    }
}
