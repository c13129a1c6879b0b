package io.crmbridge.outbound;

import static io.crmbridge.testsupport.SandboxControl.control;
import static io.crmbridge.outbound.OutboundTestSupport.associated;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.outbound.OutboundTestSupport.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Dead letters and review items, replayed through the admin API: safe, nothing written twice. */
@QuarkusTest
class ReplayTest {

    @Inject
    DataSource dataSource;

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }

    @Test
    void aDeadLetteredEventReplayedAfterTheCrmRecoversCompletesOnce() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "dead-" + t + "@example.org";
        // notes cannot be written (created with their key and links, or upserted by their key): every attempt fails after contact, company and
        // deal were written
        control().body("""
                {"rules": [{"method": "POST", "pathPattern": "/crm/v3/objects/notes(/batch/(upsert|create))?", "failNext": 100000,
                 "statuses": [503]}]}""")
                .put("/faults").then().statusCode(200);
        String eventId;
        try {
            eventId = postWebform(lead("dead-" + t, email, "Dead Letter", "Dead " + t, "dead-" + t + ".example"))
                    .then().statusCode(202).extract().path("eventId");
            awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(60));
        } finally {
            control().delete("/faults").then().statusCode(200);
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
        List<String> contacts = search("contacts", "email", email);
        assertThat(contacts).hasSize(1);
        assertThat(search("companies", "domain", "dead-" + t + ".example")).hasSize(1);
        assertThat(associated("contacts", contacts.get(0), "deals")).hasSize(1);
        assertThat(associated("contacts", contacts.get(0), "notes")).hasSize(1);
        // replaying again is refused: the event is done
        admin().post("/admin/dead-letters/" + letters.get(0).get("id") + "/replay").then().statusCode(409);
        // the trace tells the whole story
        admin().get("/admin/events/" + eventId).then().statusCode(200).body("event.status", equalTo("DONE"))
                .body("trace.final_status", equalTo("DONE"))
                .body("trace.crm_ids.contacts", equalTo(contacts.get(0)));
    }

    @Test
    void anAmbiguousContactReplayedAfterTheDuplicateIsRemovedUpdatesTheRemainingOne() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "amb-" + t + "@example.org";
        String keep = insert(email, "Keep");
        String drop = insert(email, "Drop");
        String eventId = postWebform(lead("amb-" + t, email, "Am Big", "Amb " + t, "amb-" + t + ".example"))
                .then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("REVIEW");
        // a human merges the duplicates in the CRM, then replays the review item
        given().header("Authorization", "Bearer sandbox-token").delete("/sandbox/hubspot/crm/v3/objects/contacts/" + drop)
                .then().statusCode(204);
        Object itemId = admin().get("/admin/review-items").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.event_id == '" + eventId + "' }.id").get(0);
        admin().post("/admin/review-items/" + itemId + "/replay").then().statusCode(200);
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        assertThat(search("contacts", "email", email)).containsExactly(keep);
        assertThat(associated("contacts", keep, "notes")).hasSize(1);
        assertThat(query(dataSource, "SELECT status FROM review_item WHERE id = ?", ((Number) itemId).longValue()))
                .extracting(r -> r.get("status")).containsExactly("REPLAYED");
    }

    @Test
    void theAdminApiNeedsTheToken() {
        given().get("/admin/events").then().statusCode(401);
        admin().get("/admin/events?status=DONE&limit=5").then().statusCode(200);
    }

    static String insert(String email, String firstname) {
        return control().body(Map.of("properties", Map.of("email", email, "firstname", firstname)))
                .post("/objects/contacts").then().statusCode(201).extract().path("id");
    }
}
