package io.crmbridge.outbound.bulk;

import static io.crmbridge.outbound.OutboundTestSupport.associated;
import static io.crmbridge.outbound.OutboundTestSupport.associatedEach;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.searchEach;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.outbound.OutboundTestSupport;
import io.crmbridge.testsupport.SandboxControl;
import io.crmbridge.testsupport.TestHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The bulk path: a burst of lead events shares batch calls, counted by the sandbox (a count, not a
 * timing), with exactly the per-event outcomes; one event the CRM refuses fails alone.
 */
@QuarkusTest
@TestProfile(BulkProfile.class)
class BulkWritesTest {

    static final int EVENTS = Integer.getInteger("bulk-writes.events", 200);
    static final String NEWSLETTER_SECRET = "newsletter-test-secret";

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @BeforeEach
    void provisioned() {
        SandboxControl.clearFaults();
        SandboxControl.resetSearchIndexLag();
        io.restassured.RestAssured.given().header("Authorization", "Bearer test-admin-token")
                .post("/admin/connections/hubspot/provision").then().statusCode(200);
    }

    @Test
    void aBurstOfFullLeadEventsCostsAtMostPointFifteenCallsPerEventWithOneOfEach() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            bodies.add(lead("bulk-" + run + "-" + i, email(run, i), "Bulk " + i, "Bulk Co " + i, domain(run, i)));
        }
        long calls = burst(bodies, OutboundTestSupport::acceptWebform, "full lead");
        // read back in batches (searches by IN, association batch reads): the same checks per event
        List<String> emails = IntStream.range(0, EVENTS).mapToObj(i -> email(run, i)).toList();
        List<String> domains = IntStream.range(0, EVENTS).mapToObj(i -> domain(run, i)).toList();
        Map<String, List<String>> contactsByEmail = searchEach("contacts", "email", emails);
        Map<String, List<String>> companiesByDomain = searchEach("companies", "domain", domains);
        for (int i = 0; i < EVENTS; i++) {
            assertThat(contactsByEmail.get(email(run, i))).as("contacts with email %s", email(run, i)).hasSize(1);
            assertThat(companiesByDomain.get(domain(run, i))).as("companies with domain %s", domain(run, i)).hasSize(1);
        }
        List<String> contactIds = emails.stream().map(e -> contactsByEmail.get(e).get(0)).toList();
        Map<String, List<String>> dealsOf = associatedEach("contacts", contactIds, "deals");
        Map<String, List<String>> companiesOf = associatedEach("contacts", contactIds, "companies");
        Map<String, List<String>> notesOf = associatedEach("contacts", contactIds, "notes");
        for (int i = 0; i < EVENTS; i++) {
            assertThat(dealsOf.get(contactIds.get(i))).as("deals of %s", email(run, i)).hasSize(1);
        }
        List<String> dealIds = contactIds.stream().map(c -> dealsOf.get(c).get(0)).toList();
        Map<String, List<String>> contactsOfDeal = associatedEach("deals", dealIds, "contacts");
        Map<String, List<String>> companiesOfDeal = associatedEach("deals", dealIds, "companies");
        for (int i = 0; i < EVENTS; i++) {
            String contact = contactIds.get(i);
            String company = companiesByDomain.get(domain(run, i)).get(0);
            String deal = dealIds.get(i);
            assertThat(companiesOf.get(contact)).as("companies of %s", email(run, i)).containsExactly(company);
            assertThat(contactsOfDeal.get(deal)).as("contacts of the deal of %s", email(run, i)).containsExactly(contact);
            assertThat(companiesOfDeal.get(deal)).as("companies of the deal of %s", email(run, i))
                    .containsExactly(company);
            assertThat(notesOf.get(contact)).as("notes of %s", email(run, i)).hasSize(1);
        }
        assertThat((double) calls / EVENTS).as("CRM calls per full lead event").isLessThanOrEqualTo(0.15);
    }

    @Test
    void aBurstOfContactOnlyEventsCostsAtMostPointZeroTwoCallsPerEvent() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            bodies.add("""
                    {"id": "news-%s-%d", "email": "%s", "name": "News %d", "consent": true}"""
                    .formatted(run, i, "news-" + run + "-" + i + "@example.org", i));
        }
        long calls = burst(bodies, BulkWritesTest::acceptNewsletter, "contact-only");
        List<String> emails = IntStream.range(0, EVENTS).mapToObj(i -> "news-" + run + "-" + i + "@example.org").toList();
        Map<String, List<String>> contactsByEmail = searchEach("contacts", "email", emails);
        emails.forEach(e -> assertThat(contactsByEmail.get(e)).as("contacts with email %s", e).hasSize(1));
        List<String> contactIds = emails.stream().map(e -> contactsByEmail.get(e).get(0)).toList();
        assertThat(associatedEach("contacts", contactIds, "notes").values()).allSatisfy(n -> assertThat(n).isEmpty());
        assertThat(associatedEach("contacts", contactIds, "companies").values()).allSatisfy(c -> assertThat(c).isEmpty());
        assertThat((double) calls / EVENTS).as("CRM calls per contact-only event").isLessThanOrEqualTo(0.02);
    }

    @Test
    void oneEventOfABatchThatTheCrmRefusesGoesToReviewAlone() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        int events = 20;
        int bad = 7;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String amount = i == bad ? "lots" : String.valueOf(1000 + i);
            bodies.add(lead("refuse-" + run + "-" + i, email(run, i), "Refused " + i, "Refuse Co " + i, domain(run, i))
                    .replace("\"consent\": true", "\"consent\": true, \"amount\": \"" + amount + "\""));
        }
        List<String> ids = post(bodies);
        awaitFinal(dataSource, ids, Duration.ofMinutes(3));
        for (int i = 0; i < events; i++) {
            assertThat(status(dataSource, ids.get(i))).as("event %d", i).isEqualTo(i == bad ? "REVIEW" : "DONE");
        }
        assertThat(query(dataSource, "SELECT reason_code FROM review_item WHERE event_id = CAST(? AS uuid)", ids.get(bad)))
                .isNotEmpty();
        for (int i = 0; i < events; i++) {
            List<String> contacts = search("contacts", "email", email(run, i));
            assertThat(contacts).hasSize(1);
            assertThat(associated("contacts", contacts.get(0), "deals")).as("deals of event %d", i)
                    .hasSize(i == bad ? 0 : 1);
        }
    }

    /**
     * A burst: the events are queued while dispatch is stopped (a backlog, as after an outage or an import), then
     * dispatch starts; returns the CRM calls the sandbox served for them.
     */
    private long burst(List<String> bodies, Function<String, String> poster, String what) {
        SandboxControl.resetCounters();
        List<String> ids;
        try {
            camel.getRouteController().stopRoute("event-dispatch");
            ids = post(bodies, poster);
            camel.getRouteController().startRoute("event-dispatch");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        awaitFinal(dataSource, ids, Duration.ofMinutes(10));
        assertThat(ids.stream().map(id -> status(dataSource, id))).containsOnly("DONE");
        return crmCalls(what, bodies.size());
    }

    static List<String> post(List<String> bodies) {
        return post(bodies, OutboundTestSupport::acceptWebform);
    }

    /** Posts each body (202 checked); returns the event ids. */
    static List<String> post(List<String> bodies, Function<String, String> accept) {
        return bodies.stream().map(accept).toList();
    }

    /** POSTs a newsletter (contact-only) event, checks the 202 and returns its event id. */
    static String acceptNewsletter(String body) {
        return TestHttp.post("/events/newsletter", Map.of("Authorization", "Bearer " + NEWSLETTER_SECRET), body).json(202)
                .path("eventId").asText();
    }

    /** The CRM calls the sandbox served since its counters were reset, printed by method and path. */
    static long crmCalls(String what, int events) {
        List<Map<String, Object>> counters = SandboxControl.control().get("/counters").then().statusCode(200)
                .extract().jsonPath().getList("counters");
        Map<String, Long> byPath = new TreeMap<>();
        long total = 0;
        for (Map<String, Object> c : counters) {
            if (!String.valueOf(c.get("path")).contains("/crm/")) {
                continue;
            }
            long n = ((Number) c.get("count")).longValue();
            byPath.merge(c.get("method") + " " + c.get("path"), n, Long::sum);
            total += n;
        }
        System.out.printf("%n== bulk %s burst: %d events, %d CRM calls, %.3f calls per event%n", what, events, total,
                (double) total / events);
        byPath.forEach((path, n) -> System.out.printf("   %6d  %s%n", n, path));
        // why the groups went (counted since start-up): groups that wait out their window hold events for nothing
        TestHttp.get("/q/metrics", Map.of()).body().lines().filter(l -> l.startsWith("crmbridge_bulk_groups_total"))
                .forEach(l -> System.out.println("   " + l));
        return total;
    }

    static String email(String run, int i) {
        return "bulk-" + run + "-" + i + "@example.org";
    }

    static String domain(String run, int i) {
        return "bulk-" + run + "-" + i + ".example";
    }
}
