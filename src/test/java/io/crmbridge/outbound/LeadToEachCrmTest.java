package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.WEBFORM_SECRET;
import static io.crmbridge.outbound.OutboundTestSupport.assertOneOfEach;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.crmbridge.testsupport.CrmView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The outbound core, written once and run against each CRM kind (connection {@code hubspot} through source
 * {@code webform}, connection {@code clio} through source {@code webform-clio}, the in-test tiny CRM through source
 * {@code webform-tiny}; the routes are the same): a lead
 * becomes a contact, a company, a deal (a Clio matter with the contact as client) and a note; a contact a person made
 * is found before create; the same lead posted again writes nothing new.
 */
@QuarkusTest
class LeadToEachCrmTest {

    @Inject
    DataSource dataSource;

    static List<CrmView> crms() {
        return CrmView.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void aLeadBecomesAContactACompanyADealAndANote(CrmView crm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "lead-" + tag + "@example.org";
        String domain = "lead-" + tag + ".example";
        String event = post(crm, lead("sub-" + tag, email, "Ada Lovelace", "Lead " + tag, "https://www." + domain));
        awaitFinal(dataSource, List.of(event), Duration.ofSeconds(60));
        assertThat(status(dataSource, event)).isEqualTo("DONE");

        List<String> contacts = crm.contactsByEmail(email);
        assertThat(contacts).hasSize(1);
        String contact = contacts.get(0);
        List<String> companies = crm.companiesByDomain(domain);
        assertThat(companies).hasSize(1);
        assertThat(crm.companiesOf(contact)).containsExactly(companies.get(0));
        assertThat(crm.dealsOf(contact)).hasSize(1);
        assertThat(crm.notesOf(contact)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void aContactAPersonMadeIsFoundBeforeCreate(CrmView crm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "known-" + tag + "@example.org";
        String made = crm.insertContact(email, "Grace", "Hopper");
        String event = post(crm, lead("sub-" + tag, email, "Grace Hopper", "Known " + tag, "known-" + tag + ".example"));
        awaitFinal(dataSource, List.of(event), Duration.ofSeconds(60));
        assertThat(status(dataSource, event)).isEqualTo("DONE");
        assertThat(crm.contactsByEmail(email)).containsExactly(made);
        assertThat(crm.dealsOf(made)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void theSameLeadPostedAgainWritesNothingNew(CrmView crm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "again-" + tag + "@example.org";
        String body = lead("sub-" + tag, email, "Alan Turing", "Again " + tag, "again-" + tag + ".example");
        String first = post(crm, body);
        awaitFinal(dataSource, List.of(first), Duration.ofSeconds(60));
        String second = post(crm, body);
        awaitFinal(dataSource, List.of(second), Duration.ofSeconds(60));
        assertThat(List.of(status(dataSource, first), status(dataSource, second))).containsExactly("DONE", "DUPLICATE");
        List<String> contacts = crm.contactsByEmail(email);
        assertThat(contacts).hasSize(1);
        assertThat(crm.dealsOf(contacts.get(0))).hasSize(1);
        assertThat(crm.notesOf(contacts.get(0))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void theSameLeadPostedFiveTimesAtOnceWritesOneOfEach(CrmView crm) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "par-" + tag + "@example.org";
        String body = lead("sub-" + tag, email, "Grace Hopper", "Par " + tag, "par-" + tag + ".example");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<String> ids = new ArrayList<>();
        try {
            List<Future<String>> posts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                posts.add(pool.submit(() -> post(crm, body)));
            }
            for (Future<String> p : posts) {
                ids.add(p.get());
            }
        } finally {
            pool.shutdownNow();
        }
        awaitFinal(dataSource, ids, Duration.ofSeconds(60));
        assertThat(ids.stream().map(id -> status(dataSource, id)))
                .containsExactlyInAnyOrder("DONE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE");
        assertOneOfEach(crm, email, "par-" + tag + ".example", 1);
    }

    /**
     * The CRM commits a write and its answer is lost (a 502 or a dropped connection): the first create of each
     * object and the first update. The event's retries find what was written (HubSpot: upserts by key; Clio: search
     * before create) and write nothing twice.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void writesWhoseAnswersAreLostAreNotMadeTwice(CrmView crm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "lost-" + tag + "@example.org";
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String object : List.of("contacts", "companies", "deals", "notes")) {
            rules.add(Map.of("method", "POST", "pathPattern", crm.createPath(object), "failNext", 1,
                    "lostResponse", "502|drop"));
        }
        rules.add(Map.of("method", "PATCH", "pathPattern", crm.apiPaths(), "failNext", 1, "lostResponse", "502|drop"));
        crm.faults(Map.of("seed", 42, "rules", rules));
        String event;
        try {
            event = post(crm, lead("sub-" + tag, email, "Lost Answer", "Lost " + tag, "lost-" + tag + ".example"));
            awaitFinal(dataSource, List.of(event), Duration.ofSeconds(90));
        } finally {
            crm.clearFaults();
        }
        assertThat(status(dataSource, event)).as(OutboundTestSupport.outcome(dataSource, event)).isEqualTo("DONE");
        assertOneOfEach(crm, email, "lost-" + tag + ".example", 1);
    }

    private static String post(CrmView crm, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET).body(body)
                .post("/events/" + crm.webformSource()).then().statusCode(202).extract().path("eventId");
    }
}
