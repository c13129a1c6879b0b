package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.loopguard.OriginStamps;
import io.quarkus.test.junit.QuarkusTest;

/** A record the outbound side wrote is not delivered back; a human edit to it afterwards is. */
@QuarkusTest
class LoopGuardRouteTest {

    static final String ROUTE = "poll-hubspot-contacts";

    @Inject
    InboundFixture fixture;

    @Inject
    ProducerTemplate producer;

    @Inject
    OriginStamps originStamps;

    @AfterEach
    void stop() throws Exception {
        fixture.stop(ROUTE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void ourOwnWriteIsSkippedAndCountedAndALaterHumanEditFlowsThrough() throws Exception {
        fixture.reset("contacts");
        // What the outbound side does: write through the CRM endpoint, then stamp the write.
        Map<String, String> written = new LinkedHashMap<>();
        written.put("email", "echo-" + System.nanoTime() + "@Example.com");
        written.put("firstname", "Ada");
        written.put("lastname", "Lovelace");
        Map<String, Object> answer = producer.requestBody("direct:crm-contact-create", new LinkedHashMap<>(written), Map.class);
        String ours = answer.get("id").toString();
        originStamps.stamp("hubspot", "contacts", ours, written, UUID.randomUUID().toString(), (String) answer.get("updatedAt"));
        String foreign = fixture.insertContact("human-" + System.nanoTime() + "@example.com");

        // A poll reads records once they settled (the CRM's now minus the settle delay): a success alone proves
        // nothing was read. Ours was written first, so it has been judged when the foreign record is delivered.
        fixture.start(ROUTE);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outboxCounts("contacts").containsKey(foreign));
        assertThat(fixture.outboxCounts("contacts")).containsKey(foreign).doesNotContainKey(ours);
        assertThat(fixture.cursor("contacts").loopsSuppressed()).isGreaterThanOrEqualTo(1);

        fixture.humanEdit(ours, Map.of("firstname", "Grace"));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outboxCounts("contacts").containsKey(ours));
        fixture.stop(ROUTE);
        assertThat(fixture.outboxCounts("contacts").get(ours)).isEqualTo(1);
        assertThat(fixture.count("SELECT count(*) FROM intake_outbox WHERE record_id = ?"
                + " AND payload->>'origin' = 'crm:hubspot:contacts:' || record_id AND payload->'properties'->>'firstname' = 'Grace'", ours))
                .isEqualTo(1);
    }
}
