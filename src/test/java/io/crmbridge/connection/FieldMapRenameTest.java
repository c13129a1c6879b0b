package io.crmbridge.connection;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.outbound.OutboundTestSupport.properties;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.inbound.InboundFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Renaming a CRM property is configuration only: with the contract field {@code contacts.phone} mapped to HubSpot's
 * {@code mobilephone} instead of {@code phone}, a lead's phone is written to {@code mobilephone}, and the poller reads
 * a person's change of {@code mobilephone} back as the contract field {@code phone}.
 */
@QuarkusTest
@TestProfile(FieldMapRenameTest.PhoneIsMobilephone.class)
class FieldMapRenameTest {

    public static class PhoneIsMobilephone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crmbridge.connections.hubspot.field-map.contacts.phone.property", "mobilephone");
        }
    }

    static final String ROUTE = "poll-hubspot-contacts";

    @Inject
    DataSource dataSource;

    @Inject
    InboundFixture fixture;

    @AfterEach
    void stopPolling() throws Exception {
        fixture.stop(ROUTE);
    }

    @Test
    void outboundAndInboundFollowTheRenamedProperty() throws Exception {
        fixture.reset("contacts");
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "renamed-" + t + "@example.org";
        String eventId = postWebform(lead("sub-" + t, email, "Ren Amed", "Renamed " + t, "renamed-" + t + ".example"))
                .then().statusCode(202).extract().path("eventId");
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");

        List<String> ids = search("contacts", "email", email);
        assertThat(ids).hasSize(1);
        Map<String, Object> written = properties("contacts", ids.get(0), "phone,mobilephone");
        assertThat(written.get("mobilephone")).isEqualTo("+14155550132");
        assertThat(written.get("phone")).as("the default property is no longer written").isIn(null, "");

        fixture.humanEdit(ids.get(0), Map.of("mobilephone", "+14155550199"));
        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(60)).until(() -> !delivered(ids.get(0)).isEmpty());
        fixture.stop(ROUTE);
        assertThat(delivered(ids.get(0))).anyMatch(fields -> fields.contains("\"phone\": \"+14155550199\""));
    }

    private List<String> delivered(String id) {
        return query(dataSource, "SELECT payload->'fields' AS f FROM intake_outbox WHERE connection = 'hubspot'"
                + " AND object = 'contacts' AND record_id = ?", id).stream().map(r -> String.valueOf(r.get("f")))
                .filter(f -> f.contains("+14155550199")).toList();
    }
}
