package io.crmbridge.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.crmbridge.outbound.decide.Match;
import io.crmbridge.sandbox.contract.SandboxContractRecorder;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every request the bridge's CRM endpoints send validates against the sandbox's OpenAPI description of
 * HubSpot's published API (checked server-side by the contract recorder, whoever sends the request).
 */
@QuarkusTest
class CrmEndpointsContractTest {

    @Inject
    ProducerTemplate producer;

    @Inject
    SandboxContractRecorder contract;

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointSendsRequestsThatValidate() {
        contract.clear();
        long before = contract.validatedCount();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "contract-" + tag + "@contract-" + tag + ".example";

        Map<String, Object> contact = producer.requestBody("direct:crm-contact-create",
                Map.of("email", email, "firstname", "Con", "lastname", "Tract"), Map.class);
        String contactId = (String) contact.get("id");
        producer.requestBodyAndHeader("direct:crm-contact-update", Map.of("lastname", "Tracted"), "crmObjectId", contactId);
        Map<String, Object> found = producer.requestBody("direct:crm-contact-search-by-email", email, Map.class);
        // the grouped search hands each caller its own share of the answer: the records holding its value
        assertThat((List<?>) found.get("results")).hasSize(1);

        String domain = "contract-" + tag + ".example";
        Map<String, Object> company = producer.requestBody("direct:crm-company-create",
                Map.of("name", "Contract " + tag, "domain", domain), Map.class);
        String companyId = (String) company.get("id");
        producer.requestBody("direct:crm-company-search-by-domain", "https://www." + domain + "/", Map.class);
        producer.requestBodyAndHeader("direct:crm-company-update", Map.of("industry", "COMPUTER_SOFTWARE"), "crmObjectId", companyId);

        Map<String, Object> deal = producer.requestBody("direct:crm-deal-create",
                Map.of("dealname", "Contract " + tag, "pipeline", "default", "dealstage", "appointmentscheduled"), Map.class);
        String dealId = (String) deal.get("id");
        associate("contacts", contactId, "companies", companyId);
        associate("deals", dealId, "contacts", contactId);
        associate("deals", dealId, "companies", companyId);
        List<Match> open = producer.requestBodyAndHeaders("direct:crm-deal-search-open", null,
                Map.of("crmObjectId", contactId, "crmPipeline", "default"), List.class);
        assertThat(open).extracting(Match::id).containsExactly(dealId);

        String now = Instant.now().toString();
        producer.requestBodyAndHeader("direct:crm-note-create",
                Map.of("hs_note_body", "Lead from contract test", "hs_timestamp", now), "crmLinkTo", Map.of("contacts", contactId));
        producer.requestBody("direct:crm-task-create", Map.of("hs_task_subject", "Onboard " + tag, "hs_timestamp", now,
                "hs_task_status", "NOT_STARTED"));

        List<Map<String, Object>> owners = (List<Map<String, Object>>) producer
                .requestBody("direct:crm-owner-find-by-email", "nobody-" + tag + "@example.com", Map.class).get("results");
        assertThat(owners).isEmpty();

        // 15 CRM API requests above; a token request is counted too only when the token happens to expire meanwhile.
        assertThat(contract.validatedCount() - before).as("requests checked").isGreaterThanOrEqualTo(15);
        assertThat(contract.violations()).isEmpty();
    }

    private void associate(String from, String fromId, String to, String toId) {
        producer.requestBodyAndHeaders("direct:crm-association-create", null,
                Map.of("crmObject", from, "crmObjectId", fromId, "crmToObject", to, "crmToObjectId", toId));
    }
}
