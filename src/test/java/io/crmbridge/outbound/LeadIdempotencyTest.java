package io.crmbridge.outbound;

import static io.crmbridge.outbound.OutboundTestSupport.associated;
import static io.crmbridge.outbound.OutboundTestSupport.awaitFinal;
import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.acceptWebform;
import static io.crmbridge.testsupport.TestDb.query;
import static io.crmbridge.outbound.OutboundTestSupport.search;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * "The same event posted 5 times, sequentially": one of each record, the three associations (HubSpot's deal-company
 * link too), one note, and the trace naming them. Five times at once against each CRM: {@code LeadToEachCrmTest}.
 */
@QuarkusTest
class LeadIdempotencyTest {

    @Inject
    DataSource dataSource;

    @Test
    void sameLeadPostedFiveTimesSequentially() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = lead("sub-" + tag, "seq-" + tag + "@example.org", "Ada Lovelace", "Seq " + tag, "https://www.seq-" + tag + ".example");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(acceptWebform(body));
        }
        awaitFinal(dataSource, ids, Duration.ofSeconds(30));
        assertOneOfEach(tag, "seq", ids);
    }

    private void assertOneOfEach(String tag, String prefix, List<String> eventIds) {
        assertThat(eventIds.stream().map(id -> status(dataSource, id)))
                .containsExactlyInAnyOrder("DONE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE");
        List<String> contacts = search("contacts", "email", prefix + "-" + tag + "@example.org");
        List<String> companies = search("companies", "domain", prefix + "-" + tag + ".example");
        assertThat(contacts).hasSize(1);
        assertThat(companies).hasSize(1);
        String contact = contacts.get(0);
        String company = companies.get(0);
        List<String> deals = associated("contacts", contact, "deals");
        assertThat(deals).hasSize(1);
        String deal = deals.get(0);
        assertThat(associated("contacts", contact, "companies")).containsExactly(company);
        assertThat(associated("deals", deal, "contacts")).containsExactly(contact);
        assertThat(associated("deals", deal, "companies")).containsExactly(company);
        assertThat(associated("contacts", contact, "notes")).hasSize(1);
        assertThat(associated("contacts", contact, "tasks")).isEmpty();
        // the trace of the event that did the work names every object it wrote
        var trace = query(dataSource, "SELECT t.crm_ids::text AS ids, t.final_status FROM event_trace t JOIN raw_event r "
                + "ON r.event_id = t.event_id WHERE r.status = 'DONE' AND t.event_id = ANY (CAST(? AS uuid[]))",
                (Object) eventIds.toArray(String[]::new));
        assertThat(trace).hasSize(1);
        assertThat((String) trace.get(0).get("ids")).contains(contact, company, deal);
    }
}
