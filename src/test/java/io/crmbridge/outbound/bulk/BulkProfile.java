package io.crmbridge.outbound.bulk;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The bulk tests: the shipped claims and workers (100 each, the group size; the test profile lowers them for the
 * queue tests) and datasource pool, with a window far above any delay of a busy machine (below). The webform's {@code amount} reaches the deal unchecked (typed
 * string here), so a test can send one value the CRM refuses. Source {@code newsletter} writes only the contact.
 */
public class BulkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("crmbridge.sources.newsletter.auth.mode", "bearer"),
                Map.entry("crmbridge.sources.newsletter.auth.secret", BulkWritesTest.NEWSLETTER_SECRET),
                Map.entry("crmbridge.sources.newsletter.writes", "contact"),
                Map.entry("crmbridge.sources.newsletter.mapping.event-id", "/id"),
                Map.entry("crmbridge.sources.newsletter.mapping.contact-email", "/email"),
                Map.entry("crmbridge.sources.newsletter.mapping.contact-full-name", "/name"),
                Map.entry("crmbridge.sources.newsletter.mapping.consent", "/consent"),
                // the shipped defaults (DispatchConfig), which application-test.properties lowers
                Map.entry("crmbridge.dispatch.batch-size", "100"),
                Map.entry("crmbridge.dispatch.workers", "100"),
                // A group goes when full or when every event in flight waits for an answer; the window (5 s shipped)
                // only bounds a wait for an event that is slow to come. At a load average of 20 a claim's events took
                // over 5 s to reach one stage, and a 5 s window then split groups (0.030 calls per contact-only event):
                // calls per event must not depend on the machine's speed, so the window here is far above any such delay.
                Map.entry("crmbridge.bulk.window", "60s"),
                Map.entry("crmbridge.sources.webform.mapping.amount", "/amount"),
                Map.entry("crmbridge.connections.hubspot.field-map.deals.amount.type", "string"));
    }
}
