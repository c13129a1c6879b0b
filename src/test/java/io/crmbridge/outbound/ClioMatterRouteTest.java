package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.WEBFORM_SECRET;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
    void aLeadWithoutTheSendersSecretIsRefused() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong")
                .body(lead("sub-x", "x@example.org", "X", "X", "x.example")).post("/leads").then().statusCode(401);
    }
}
