package io.crmbridge.outbound;

import static io.crmbridge.testsupport.TestDb.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmbridge.outbound.receive.SignatureCheck;
import io.crmbridge.testsupport.CrmView;
import io.crmbridge.testsupport.TestHttp;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Helpers for the outbound pipeline tests: post events, read the queue, look at the sandbox CRM. */
public final class OutboundTestSupport {

    public static final String WEBFORM_SECRET = "demo-webform-secret";
    public static final String PAYMENTS_SECRET = "demo-payments-secret";
    public static final String BOOKINGS_SECRET = "demo-bookings-secret";
    static final String CRM = "/sandbox/hubspot";

    private OutboundTestSupport() {
    }

    public static Response postWebform(String body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET)
                .body(body).post("/events/webform");
    }

    /** POSTs a webform event, checks the 202 and returns its event id (plain HTTP: for bursts of many). */
    public static String acceptWebform(String body) {
        return TestHttp.post("/events/webform", Map.of("Authorization", "Bearer " + WEBFORM_SECRET), body).json(202)
                .path("eventId").asText();
    }

    public static Response postPayment(String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        byte[] sig = SignatureCheck.sign(PAYMENTS_SECRET.getBytes(StandardCharsets.UTF_8),
                (ts + "." + body).getBytes(StandardCharsets.UTF_8));
        return given().contentType(ContentType.JSON).header("X-Payment-Timestamp", ts)
                .header("X-Payment-Signature", HexFormat.of().formatHex(sig)).body(body).post("/events/payments");
    }

    public static Response postBooking(String body, int port) {
        String ts = Long.toString(Instant.now().toEpochMilli());
        String uri = "http://localhost:" + port + "/events/bookings";
        byte[] sig = SignatureCheck.sign(BOOKINGS_SECRET.getBytes(StandardCharsets.UTF_8),
                ("POST" + uri + body + ts).getBytes(StandardCharsets.UTF_8));
        return given().contentType(ContentType.JSON).header("X-HubSpot-Request-Timestamp", ts)
                .header("X-HubSpot-Signature-v3", Base64.getEncoder().encodeToString(sig)).body(body).post("/events/bookings");
    }

    /** POSTs a lead to the web-form source writing to {@code crm}'s connection; checks the 202, answers the event id. */
    public static String postLead(CrmView crm, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET).body(body)
                .post("/events/" + crm.webformSource()).then().statusCode(202).extract().path("eventId");
    }

    /** What one lead leaves in any CRM: one contact, one company (linked), one deal and {@code notes} notes. */
    public static String assertOneOfEach(CrmView crm, String email, String domain, int notes) {
        List<String> contacts = crm.contactsByEmail(email);
        assertThat(contacts).as("contacts with email %s", email).hasSize(1);
        List<String> companies = crm.companiesByDomain(domain);
        assertThat(companies).as("companies with domain %s", domain).hasSize(1);
        String contact = contacts.get(0);
        assertThat(crm.companiesOf(contact)).containsExactly(companies.get(0));
        assertThat(crm.dealsOf(contact)).as("deals of %s", email).hasSize(1);
        assertThat(crm.notesOf(contact)).as("notes of %s", email).hasSize(notes);
        return contact;
    }

    public static String lead(String submissionId, String email, String name, String company, String website) {
        return """
                {"submission_id": "%s", "email": "%s", "name": "%s", "phone": "(415) 555-0132",
                 "company": "%s", "website": "%s", "budget": "10k-50k", "urgency": "high",
                 "message": "Our intake is manual", "consent": true, "stack": ["hubspot", "zapier"],
                 "routing": {"qualification_status": "qualified", "lead_score": 72, "routing_tier": "smb",
                             "target_pipeline": "default"},
                 "ai": {"model": "intake-v1", "confidence": 0.82, "summary": "Wants automation"}}"""
                .formatted(submissionId, email, name, company, website);
    }

    public static String status(DataSource ds, String eventId) {
        List<Map<String, Object>> rows = query(ds, "SELECT status FROM raw_event WHERE event_id = CAST(? AS uuid)", eventId);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }

    /** An event's status with its last error and review reason, for assertion messages. */
    public static String outcome(DataSource ds, String eventId) {
        List<Map<String, Object>> rows = query(ds, "SELECT r.status, r.last_error, (SELECT string_agg(i.reason, '; ') FROM "
                + "review_item i WHERE i.event_id = r.event_id) AS review FROM raw_event r WHERE r.event_id = CAST(? AS uuid)",
                eventId);
        return rows.isEmpty() ? "no event " + eventId : rows.get(0).toString();
    }

    public static void awaitFinal(DataSource ds, List<String> eventIds, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> eventIds.stream()
                .map(id -> status(ds, id)).noneMatch(s -> s == null || s.equals("QUEUED") || s.equals("PROCESSING")
                        || s.equals("WAITING")));
    }

    // --- the sandbox CRM, read with its static private-app token ---

    /** Ids of the records of {@code object} whose {@code property} equals {@code value}. */
    public static List<String> search(String object, String property, String value) {
        String body = """
                {"filterGroups": [{"filters": [{"propertyName": "%s", "operator": "EQ", "value": "%s"}]}], "limit": 100}"""
                .formatted(property, value);
        return ids(TestHttp.post(CRM + "/crm/v3/objects/" + object + "/search", SANDBOX_TOKEN, body).json(200), "id");
    }

    public static List<String> associated(String object, String id, String to) {
        return ids(TestHttp.get(CRM + "/crm/v4/objects/" + object + "/" + id + "/associations/" + to, SANDBOX_TOKEN)
                .json(200), "toObjectId");
    }

    public static Map<String, Object> properties(String object, String id, String properties) {
        JsonNode record = TestHttp.get(CRM + "/crm/v3/objects/" + object + "/" + id + "?properties=" + properties,
                SANDBOX_TOKEN).json(200);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        record.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue()));
        return out;
    }

    /**
     * {@link #search} for many values at once: the ids of the records of {@code object} per value of
     * {@code property}, every value a key (an empty list where none has it). One IN search per 50 values.
     */
    public static Map<String, List<String>> searchEach(String object, String property, List<String> values) {
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        values.forEach(v -> found.put(v, new ArrayList<>()));
        for (int from = 0; from < values.size(); from += 50) {
            List<String> chunk = values.subList(from, Math.min(from + 50, values.size()));
            String body = """
                    {"filterGroups": [{"filters": [{"propertyName": "%s", "operator": "IN", "values": %s}]}],
                     "properties": ["%s"], "limit": 200}""".formatted(property, json(chunk), property);
            JsonNode answer = TestHttp.post(CRM + "/crm/v3/objects/" + object + "/search", SANDBOX_TOKEN, body).json(200);
            if (answer.path("total").asInt() != answer.path("results").size()) {
                throw new IllegalStateException(answer.path("total").asInt() + " records for 50 values: more than a page");
            }
            answer.path("results").forEach(r -> found.computeIfAbsent(r.path("properties").path(property).asText(),
                    v -> new ArrayList<>()).add(r.path("id").asText()));
        }
        return found;
    }

    /**
     * {@link #associated} for many records at once: the ids of {@code to} associated with each record, every record
     * a key (an empty list where it has none). One batch read per 1,000 records.
     */
    public static Map<String, List<String>> associatedEach(String object, List<String> ids, String to) {
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        ids.forEach(id -> found.put(id, new ArrayList<>()));
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> inputs = ids.subList(from, Math.min(from + 1000, ids.size())).stream()
                    .map(id -> "{\"id\": \"" + id + "\"}").toList();
            TestHttp.Answer read = TestHttp.post(CRM + "/crm/v4/associations/" + object + "/" + to + "/batch/read",
                    SANDBOX_TOKEN, "{\"inputs\": [" + String.join(", ", inputs) + "]}");
            JsonNode answer = read.json(read.status() == 207 ? 207 : 200);
            // each input is answered (207 when some have none): a result, or an error (NO_ASSOCIATIONS_FOUND)
            if (answer.path("results").size() + answer.path("errors").size() != inputs.size()) {
                throw new IllegalStateException("batch read of " + inputs.size() + " answered otherwise: " + answer);
            }
            answer.path("results").forEach(r -> r.path("to").forEach(a -> found.get(r.path("from").path("id").asText())
                    .add(a.path("toObjectId").asText())));
        }
        return found;
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static final Map<String, String> SANDBOX_TOKEN = Map.of("Authorization", "Bearer sandbox-token");

    private static List<String> ids(JsonNode answer, String field) {
        List<String> ids = new ArrayList<>();
        answer.path("results").forEach(r -> ids.add(r.path(field).asText()));
        return ids;
    }
}
