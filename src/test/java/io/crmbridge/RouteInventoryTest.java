package io.crmbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The YAML routes under routes/ are loaded at start-up: every route id the design names must be present. */
@QuarkusTest
class RouteInventoryTest {

    /** Grows with every route added under routes/; a generated id such as route1 is a defect. */
    static final Set<String> EXPECTED_ROUTE_IDS = Set.of(
            "heartbeat",
            // errors.yaml
            "dead-letter", "review",
            // crm-endpoints.yaml
            "crm-call",
            "crm-contact-create", "crm-contact-update", "crm-contact-upsert", "crm-contact-read",
            "crm-contact-search-by-email", "crm-contact-batch-upsert", "crm-contact-batch-read",
            "crm-company-create", "crm-company-update", "crm-company-upsert", "crm-company-search-by-domain",
            "crm-company-batch-create", "crm-company-batch-update",
            "crm-deal-create", "crm-deal-update", "crm-deal-upsert", "crm-deal-search-open", "crm-deal-batch-read",
            "crm-ticket-create", "crm-ticket-update",
            "crm-note-create", "crm-task-create",
            "crm-upsert", "crm-read-by-key", "crm-create-keyed",
            "crm-association-create", "crm-association-batch-create",
            "crm-owner-get", "crm-owner-find-by-email",
            "crm-batch",
            // webhook.yaml, event-pipeline.yaml, decide.yaml, demo.yaml
            "webhook-receive",
            "event-dispatch", "lease-renew", "queue-backlog", "event-process", "normalize-json-mapping", "normalize-stripe", "normalize-calendly",
            "decide", "decide-lookup", "decide-apply", "decide-write-contact", "decide-write-company",
            "decide-write-deal", "decide-write-ticket", "decide-associate", "decide-write-engagement",
            "demo-traffic",
            // clio-matter.yaml
            "clio-matter",
            // inbound-poll.yaml (poll-<connection>-<object> from the template "poll", one per configured object)
            "poll-hubspot-contacts", "poll-hubspot-companies", "poll-hubspot-deals",
            "poll-clio-contacts", "poll-clio-deals",
            "poll-tiny-contacts", // the in-test tiny CRM's connection (io.crmbridge.tinycrm)
            "poll-pages", "poll-search-page", "poll-page-history", "crm-search-modified", "inbound-record", "poll-freshness",
            // intake.yaml
            "deliver-intake", "intake-http");

    @Inject
    CamelContext camelContext;

    @Test
    void loadsEveryRouteFromTheRoutesFolder() {
        var ids = camelContext.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> !id.startsWith("test-")) // Java routes of other test classes
                .collect(Collectors.toSet());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(EXPECTED_ROUTE_IDS);
    }
}
