package io.crmbridge.outbound;

import static io.crmbridge.testsupport.SandboxControl.control;
import static io.crmbridge.outbound.OutboundTestSupport.associated;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postLead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.outbound.OutboundTestSupport.properties;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** What decide does: update an existing contact, review on ambiguity or bad AI output, payments, bookings, loops. */
@QuarkusTest
class DecideOutcomesTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    java.net.URL base;

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String insertContact(Map<String, Object> properties) {
        return control().body(Map.of("properties", properties))
                .post("/objects/contacts").then().statusCode(201).extract().path("id");
    }

    String process(String eventId) {
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        return status(dataSource, eventId);
    }

    @Test
    void leadForAnExistingContactUpdatesItAndKeepsCrmOwnedFields() {
        String t = tag();
        String email = "known-" + t + "@example.org";
        String id = insertContact(Map.of("email", email, "firstname", "Kept", "phone", "+14155550100",
                "lifecyclestage", "customer"));
        String eventId = postWebform(lead("sub-" + t, email, "New Name", "Known " + t, "known-" + t + ".example"))
                .then().statusCode(202).extract().path("eventId");
        assertThat(process(eventId)).isEqualTo("DONE");
        assertThat(search("contacts", "email", email)).containsExactly(id);
        Map<String, Object> props = properties("contacts", id, "firstname,lastname,phone,company,lifecyclestage");
        // phone is event-owned (updated, E.164), firstname and lifecyclestage are CRM-owned (kept), lastname was empty (filled)
        assertThat(props).containsEntry("phone", "+14155550132").containsEntry("firstname", "Kept")
                .containsEntry("lifecyclestage", "customer").containsEntry("lastname", "Name")
                .containsEntry("company", "Known " + t);
        String decisions = (String) query(dataSource, "SELECT decisions::text AS d FROM event_trace WHERE event_id = CAST(? AS uuid)",
                eventId).get(0).get("d");
        assertThat(decisions).contains("\"action\": \"update\"").contains("CRM-owned values kept: first-name");
        assertThat(query(dataSource, "SELECT 1 FROM origin_stamp WHERE object = 'contacts' AND crm_id = ?", id)).hasSize(1);
    }

    static List<CrmView> crms() {
        return CrmView.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void invalidAiOutputGoesToReviewAndNothingReachesTheCrm(CrmView crm) {
        String t = tag();
        String email = "ai-" + t + "@example.org";
        String body = lead("sub-" + t, email, "Al Gorithm", "AI " + t, "ai-" + t + ".example")
                .replace("\"lead_score\": 72", "\"lead_score\": \"very high\"");
        String eventId = postLead(crm, body);
        assertThat(process(eventId)).isEqualTo("REVIEW");
        assertThat(query(dataSource, "SELECT reason_code FROM review_item WHERE event_id = CAST(? AS uuid)", eventId))
                .extracting(r -> r.get("reason_code")).containsExactly("AI_SCHEMA");
        assertThat(crm.contactsByEmail(email)).isEmpty();
        assertThat(crm.companiesByDomain("ai-" + t + ".example")).isEmpty();
        String validation = (String) query(dataSource, "SELECT validation::text AS v FROM event_trace WHERE event_id = CAST(? AS uuid)",
                eventId).get(0).get("v");
        assertThat(validation).contains("lead_score");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void leadWithoutConsentForAnUnknownContactIsRejected(CrmView crm) {
        String t = tag();
        String email = "noconsent-" + t + "@example.org";
        String eventId = postLead(crm, lead("sub-" + t, email, "No Consent", "NC " + t, "nc-" + t + ".example")
                .replace("\"consent\": true", "\"consent\": false"));
        assertThat(process(eventId)).isEqualTo("REJECTED");
        assertThat(crm.contactsByEmail(email)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crms")
    void eventThatCameFromThisCrmIsNotWrittenBack(CrmView crm) {
        String t = tag();
        String email = "loop-" + t + "@example.org";
        String body = lead("sub-" + t, email, "Lo Op", "Loop " + t, "loop-" + t + ".example")
                .replace("\"consent\": true", "\"consent\": true, \"origin\": \"crm:" + crm.connection() + ":contacts:123\"");
        String eventId = postLead(crm, body);
        assertThat(process(eventId)).isEqualTo("SKIPPED");
        assertThat(crm.contactsByEmail(email)).isEmpty();
        assertThat((String) query(dataSource, "SELECT decisions::text AS d FROM event_trace WHERE event_id = CAST(? AS uuid)",
                eventId).get(0).get("d")).contains("loop guard");
    }

    @Test
    void paymentClosesTheDealAndCreatesTheOnboardingTask() {
        String t = tag();
        String email = "pay-" + t + "@example.org";
        String body = """
                {"id": "evt_%s", "type": "checkout.session.completed", "created": 1767268800,
                 "data": {"object": {"id": "cs_%s", "amount_total": 49900, "currency": "eur",
                   "customer_details": {"email": "%s", "name": "Pay Er", "phone": "+44 20 7946 0958"},
                   "metadata": {"company_name": "Pay %s", "company_domain": "pay-%s.example"}}}}"""
                .formatted(t, t, email, t, t);
        String eventId = OutboundTestSupport.postPayment(body).then().statusCode(202).extract().path("eventId");
        assertThat(process(eventId)).isEqualTo("DONE");
        String contact = search("contacts", "email", email).get(0);
        List<String> deals = associated("contacts", contact, "deals");
        assertThat(deals).hasSize(1);
        assertThat(properties("deals", deals.get(0), "dealstage,amount")).containsEntry("dealstage", "closedwon")
                .containsEntry("amount", "499.00");
        assertThat(associated("contacts", contact, "tasks")).hasSize(1);
        assertThat(associated("contacts", contact, "notes")).hasSize(1);
        assertThat(properties("contacts", contact, "phone,lifecyclestage")).containsEntry("phone", "+442079460958")
                .containsEntry("lifecyclestage", "customer");
    }

    @Test
    void bookingCreatesContactAndDealWithoutTask() {
        String t = tag();
        String email = "book-" + t + "@example.org";
        String body = """
                {"event": "invitee.created", "created_at": "2026-01-05T10:00:00Z",
                 "payload": {"uri": "https://api.calendly.example/scheduled_events/E/invitees/%s", "email": "%s",
                   "name": "Book Er", "text_reminder_number": "+1 415 555 0199",
                   "scheduled_event": {"name": "Intro call", "start_time": "2026-01-09T15:00:00Z"},
                   "questions_and_answers": [{"question": "Company", "answer": "Book %s"},
                                             {"question": "Website", "answer": "https://book-%s.example/"}]}}"""
                .formatted(t, email, t, t);
        String eventId = OutboundTestSupport.postBooking(body, base.getPort()).then().statusCode(202).extract().path("eventId");
        assertThat(process(eventId)).isEqualTo("DONE");
        String contact = search("contacts", "email", email).get(0);
        assertThat(search("companies", "domain", "book-" + t + ".example")).hasSize(1);
        List<String> deals = associated("contacts", contact, "deals");
        assertThat(properties("deals", deals.get(0), "dealstage")).containsEntry("dealstage", "appointmentscheduled");
        assertThat(associated("contacts", contact, "tasks")).isEmpty();
        // the routed owner is the fallback (no routing rule matched)
        assertThat(properties("contacts", contact, "hubspot_owner_id").get("hubspot_owner_id")).isNotNull();
    }

    @Test
    void routedOwnerThatIsInactiveFallsBack() {
        String t = tag();
        String email = "owner-" + t + "@example.org";
        String body = lead("sub-" + t, email, "Big Corp", "Ent " + t, "ent-" + t + ".example")
                .replace("\"routing_tier\": \"smb\"", "\"routing_tier\": \"enterprise\"");
        String eventId = postWebform(body).then().statusCode(202).extract().path("eventId");
        assertThat(process(eventId)).isEqualTo("DONE");
        String contact = search("contacts", "email", email).get(0);
        String owner = (String) properties("contacts", contact, "hubspot_owner_id").get("hubspot_owner_id");
        List<Object> alice = control().get("/owners").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.email == 'alice.owner@crm-bridge.example' }.id");
        assertThat(owner).isEqualTo(String.valueOf(alice.get(0)));
        assertThat((String) query(dataSource, "SELECT decisions::text AS d FROM event_trace WHERE event_id = CAST(? AS uuid)",
                eventId).get(0).get("d")).contains("dave.former@crm-bridge.example is not an active owner");
    }
}
