package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.associated;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Source "acme" exists only as src/test/resources/test-routes/acme-forms.yaml and
 * src/test/resources/META-INF/microprofile-config.properties: no Java. Its events reach the CRM.
 */
@QuarkusTest
class NewSourceFromYamlTest {

    @Inject
    DataSource dataSource;

    static String submission(String type, String id, String email, String site) {
        return """
                {"data": {"type": "%s", "id": "%s", "attributes": {"email": "%s", "full_name": "Ac Me",
                 "organisation": "Acme Customer", "site": "%s", "gdpr_ok": "yes", "comments": "from the acme form"}}}"""
                .formatted(type, id, email, site);
    }

    @Test
    void acmeSubmissionsReachTheCrm() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "acme-" + t + "@example.org";
        String eventId = given().contentType(ContentType.JSON).header("Authorization", "Bearer acme-secret")
                .body(submission("submission", "acme-" + t, email, "https://acme-" + t + ".example"))
                .post("/events/acme").then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        List<String> contacts = search("contacts", "email", email);
        assertThat(contacts).hasSize(1);
        assertThat(associated("contacts", contacts.get(0), "companies"))
                .containsExactlyElementsOf(search("companies", "domain", "acme-" + t + ".example"));
        assertThat(associated("contacts", contacts.get(0), "notes")).hasSize(1);
        assertThat(query(dataSource, "SELECT 1 FROM ledger WHERE ledger_key = ?", "out:hubspot:acme:acme-" + t)).hasSize(1);
    }

    @Test
    void whatTheRouteRefusesGoesToReview() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        String eventId = given().contentType(ContentType.JSON).header("Authorization", "Bearer acme-secret")
                .body(submission("draft", "acme-" + t, "draft-" + t + "@example.org", "draft.example"))
                .post("/events/acme").then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("REVIEW");
        assertThat(query(dataSource, "SELECT reason FROM review_item WHERE event_id = CAST(? AS uuid)", eventId))
                .extracting(r -> r.get("reason")).containsExactly("Acme sends submissions only");
    }
}
