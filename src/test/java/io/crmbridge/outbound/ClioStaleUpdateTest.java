package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postLead;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.ClioSandboxControl;
import io.crmbridge.testsupport.ClioView;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Clio's updates are conditional: the bridge sends {@code If-Match} with the etag it read, so a person's edit saved
 * between the bridge's read and its write is answered 412 instead of being overwritten, and the event decides again on
 * a fresh read. (A contact's last name is CRM-owned: an event only fills it while it is empty.)
 */
@QuarkusTest
class ClioStaleUpdateTest {

    @Inject
    DataSource dataSource;

    @Test
    void aPersonsEditSavedBetweenTheBridgesReadAndItsWriteIsNotOverwritten() {
        ClioView clio = new ClioView();
        String t = UUID.randomUUID().toString().substring(0, 8);
        String email = "stale-" + t + "@example.org";
        // a contact without a last name: the event would fill it (its name is "Stale Event")
        String contact = clio.insertContact(email, "Stale", "");
        long preconditionFailed = ClioSandboxControl.served("PATCH", "/app/api/v4/contacts/{id}.json", 412);
        // a paralegal types the last name in Clio while the bridge is deciding: saved after its read, before its write
        clio.humanEditLastNameBeforeNextWrite(contact, "Person");

        String eventId = postLead(clio, lead("stale-" + t, email, "Stale Event", "Stale " + t, "stale-" + t + ".example"));
        awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(60));

        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
        assertThat(ClioSandboxControl.served("PATCH", "/app/api/v4/contacts/{id}.json", 412) - preconditionFailed)
                .as("the write based on the stale read was refused").isPositive();
        assertThat(clio.contactField(contact, "last_name")).as("the person's edit").isEqualTo("Person");
        assertThat(clio.contactsByEmail(email)).containsExactly(contact);
        assertThat(clio.dealsOf(contact)).as("the event's matter").hasSize(1);
    }
}
