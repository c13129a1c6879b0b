package io.crmbridge.outbound.receive;

import static io.crmbridge.outbound.OutboundTestSupport.WEBFORM_SECRET;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.testsupport.TestDb.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crmbridge.outbound.OutboundTestSupport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The receiver's doors: what is refused (and stored nowhere), what is kept, and the alert on a silent sender. */
@QuarkusTest
class WebhookReceiveTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    java.net.URL base;

    long rawEvents() {
        return (Long) query(dataSource, "SELECT count(*) AS n FROM raw_event").get(0).get("n");
    }

    @Test
    void refusalsAnswerJsonReasonsAndStoreNothing() {
        long before = rawEvents();
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body("{\"email\":\"x@y.org\"}")
                .post("/events/webform").then().statusCode(401).body("error", equalTo("unauthorized"))
                .body("reason", notNullValue()).header("Authorization", (String) null);
        given().contentType(ContentType.JSON).body("{}").post("/events/webform").then().statusCode(401);
        given().contentType(ContentType.TEXT).header("Authorization", "Bearer " + WEBFORM_SECRET).body("hello")
                .post("/events/webform").then().statusCode(415).body("error", equalTo("unsupported_media_type"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET)
                .body("{\"pad\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/events/webform").then().statusCode(413).body("error", equalTo("payload_too_large"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + WEBFORM_SECRET).body("")
                .post("/events/webform").then().statusCode(400).body("error", equalTo("empty_body"));
        given().contentType(ContentType.JSON).body("{}").post("/events/nosuchsource").then().statusCode(404);
        // signed payment with a bad signature, and a valid one replayed outside the tolerance
        given().contentType(ContentType.JSON).header("X-Payment-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("X-Payment-Signature", "00ff").body("{}").post("/events/payments").then().statusCode(401);
        long old = System.currentTimeMillis() / 1000 - 3600;
        String sig = java.util.HexFormat.of().formatHex(SignatureCheck.sign(OutboundTestSupport.PAYMENTS_SECRET.getBytes(),
                (old + ".{}").getBytes()));
        given().contentType(ContentType.JSON).header("X-Payment-Timestamp", Long.toString(old))
                .header("X-Payment-Signature", sig).body("{}").post("/events/payments").then().statusCode(401)
                .body("reason", org.hamcrest.Matchers.containsString("replay"));
        assertThat(rawEvents()).isEqualTo(before);
    }

    @Test
    void hubspotV3SignedBookingIsAccepted() {
        String body = "{\"event\":\"invitee.created\",\"payload\":{\"email\":\"v3-" + UUID.randomUUID() + "@example.org\"}}";
        String eventId = OutboundTestSupport.postBooking(body, base.getPort()).then().statusCode(202).extract().path("eventId");
        assertThat(query(dataSource, "SELECT convert_from(body, 'UTF8') AS body FROM raw_event WHERE event_id = CAST(? AS uuid)",
                eventId).get(0).get("body")).isEqualTo(body);
    }

    @Test
    void malformedJsonFromAnAuthenticatedSourceIsKeptAndReviewed() {
        String body = "{\"email\": \"broken@example.org\", ";
        String eventId = postWebform(body).then().statusCode(202).body("eventId", notNullValue()).extract().path("eventId");
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(20));
        var raw = query(dataSource, "SELECT status, convert_from(body, 'UTF8') AS body FROM raw_event WHERE event_id = CAST(? AS uuid)", eventId);
        assertThat(raw.get(0)).containsEntry("status", "REVIEW").containsEntry("body", body);
        var review = query(dataSource, "SELECT reason_code, payload FROM review_item WHERE event_id = CAST(? AS uuid)", eventId);
        assertThat(review).hasSize(1);
        assertThat(review.get(0)).containsEntry("reason_code", "MALFORMED_JSON").containsEntry("payload", body);
    }

    @Test
    void aSourceWhoseDeliveriesAllFailForFifteenMinutesRaisesAnAlert() {
        // the silent sender: bookings never signed; one failure starts the run
        given().contentType(ContentType.JSON).body("{}").post("/events/bookings").then().statusCode(401);
        assertThat(openAlerts("bookings")).isZero();
        // the run started 16 minutes ago: the next failure raises the alert
        update(dataSource, "UPDATE webhook_auth_watch SET failing_since = now() - interval '16 minutes' WHERE source = 'bookings'");
        given().contentType(ContentType.JSON).body("{}").post("/events/bookings").then().statusCode(401);
        assertThat(openAlerts("bookings")).isEqualTo(1);
        // a signed delivery ends the run and clears the alert
        OutboundTestSupport.postBooking("{\"event\":\"invitee.created\",\"payload\":{}}", base.getPort()).then().statusCode(202);
        assertThat(openAlerts("bookings")).isZero();
    }

    private long openAlerts(String source) {
        return (Long) query(dataSource, "SELECT count(*) AS n FROM operator_alert WHERE code = 'WEBHOOK_AUTH_FAILING' "
                + "AND subject = ? AND cleared_at IS NULL", source).get(0).get("n");
    }
}
