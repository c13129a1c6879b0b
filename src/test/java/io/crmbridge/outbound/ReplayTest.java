package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.assertOneOfEach;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postLead;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.crmbridge.testsupport.CrmView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Dead letters and review items of each CRM kind, replayed through the admin API: safe, nothing written twice. */
@QuarkusTest
class ReplayTest {

    @Inject
    DataSource dataSource;

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }

    static List<CrmView> crms() {
        return CrmView.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void aDeadLetteredEventReplayedAfterTheCrmRecoversCompletesOnce(CrmView crm) {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "dead-" + t + "@example.org";
        // notes cannot be written: every attempt fails after contact, company and deal were written
        crm.faults(Map.of("rules", List.of(Map.of("method", "POST", "pathPattern", crm.createPath("notes"),
                "failNext", 100000, "statuses", List.of(503)))));
        String eventId;
        try {
            eventId = postLead(crm, lead("dead-" + t, email, "Dead Letter", "Dead " + t, "dead-" + t + ".example"));
            awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(60));
        } finally {
            crm.clearFaults();
        }
        assertThat(status(dataSource, eventId)).isEqualTo("DEAD");
        List<Map<String, Object>> letters = admin().get("/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.event_id == '" + eventId + "' && it.route_id == 'event-process' }");
        assertThat(letters).hasSize(1);
        assertThat((String) letters.get(0).get("payload")).contains("\"submission_id\": \"dead-" + t + "\"");
        admin().post("/admin/dead-letters/" + letters.get(0).get("id") + "/replay").then().statusCode(200)
                .body("status", equalTo("QUEUED"));
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        String contact = assertOneOfEach(crm, email, "dead-" + t + ".example", 1);
        // replaying again is refused: the event is done
        admin().post("/admin/dead-letters/" + letters.get(0).get("id") + "/replay").then().statusCode(409);
        // the trace tells the whole story
        admin().get("/admin/events/" + eventId).then().statusCode(200).body("event.status", equalTo("DONE"))
                .body("trace.final_status", equalTo("DONE"))
                .body("trace.crm_ids.contacts", equalTo(contact));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void anAmbiguousContactReplayedAfterTheDuplicateIsRemovedUpdatesTheRemainingOne(CrmView crm) {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "amb-" + t + "@example.org";
        String keep = crm.insertContact(email, "Keep", "Amb");
        String drop = crm.insertContact(email, "Drop", "Amb");
        String eventId = postLead(crm, lead("amb-" + t, email, "Am Big", "Amb " + t, "amb-" + t + ".example"));
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("REVIEW");
        assertThat(query(dataSource, "SELECT reason_code FROM review_item WHERE event_id = CAST(? AS uuid)", eventId))
                .extracting(r -> r.get("reason_code")).containsExactly("AMBIGUOUS_CONTACT");
        assertThat(crm.companiesByDomain("amb-" + t + ".example")).isEmpty();
        // a human merges the duplicates in the CRM, then replays the review item
        crm.deleteContact(drop);
        Object itemId = admin().get("/admin/review-items").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.event_id == '" + eventId + "' }.id").get(0);
        admin().post("/admin/review-items/" + itemId + "/replay").then().statusCode(200);
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        assertThat(crm.contactsByEmail(email)).containsExactly(keep);
        assertThat(crm.notesOf(keep)).hasSize(1);
        assertThat(query(dataSource, "SELECT status FROM review_item WHERE id = ?", ((Number) itemId).longValue()))
                .extracting(r -> r.get("status")).containsExactly("REPLAYED");
    }

    @Test
    void theAdminApiNeedsTheToken() {
        given().get("/admin/events").then().statusCode(401);
        admin().get("/admin/events?status=DONE&limit=5").then().statusCode(200);
    }
}
