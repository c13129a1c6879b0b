package io.crmbridge.probe;

import java.util.HashMap;
import java.util.Map;

import io.crmbridge.testsupport.ClioSandboxControl;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The field maps the contract probe tests check, one application for both (each test profile costs the suite an
 * augmentation at discovery and a start): for {@code hubspot} ({@link ContractProbeHubSpotTest}),
 * {@code contacts.first-name} mapped to a property HubSpot lacks and lifecycle stages narrowed to two; for {@code clio}
 * ({@link ContractProbeClioTest}), a connection on the documented host whose map follows Clio's published shape. The
 * two tests touch only their own CRM's sandbox.
 */
public class ProbeMaps implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("crmbridge.connections.hubspot.objects", "contacts,deals");
        overrides.put("crmbridge.connections.hubspot.field-map.contacts.first-name.property", "givenname");
        overrides.put("crmbridge.connections.hubspot.field-map.contacts.lifecycle-stage.allowed", "subscriber,lead");
        String c = "crmbridge.connections.clio.";
        overrides.put(c + "kind", "clio");
        overrides.put(c + "base-url", "http://localhost:{local-port}/sandbox/clio/app/api/v4");
        overrides.put(c + "auth.mode", "refresh-token");
        overrides.put(c + "auth.client-id", ClioSandboxControl.CLIENT_ID);
        overrides.put(c + "auth.client-secret", ClioSandboxControl.CLIENT_SECRET);
        overrides.put(c + "auth.refresh-token", ClioSandboxControl.REFRESH_TOKEN);
        overrides.put(c + "auth.refresh-skew", "1s");
        overrides.put(c + "objects", "deals,contacts");
        overrides.put(c + "poll.enabled", "false");
        overrides.put(c + "field-map.deals.practice-area.property", "practice_area");
        overrides.put(c + "field-map.deals.practice-area.type", "string");
        overrides.put(c + "field-map.contacts.title.property", "title");
        overrides.put(c + "field-map.contacts.title.type", "string");
        return overrides;
    }
}
