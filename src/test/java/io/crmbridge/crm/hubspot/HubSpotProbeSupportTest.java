package io.crmbridge.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.CrmRequest;

/** What the HubSpot connector gives the contract probe: a read-only sample request and HubSpot's other API hosts. */
class HubSpotProbeSupportTest {

    private final HubSpotConnector connector = new HubSpotConnector();

    @Test
    void theSampleIsOneListedRecordWithTheMappedAndDefaultProperties() {
        CrmRequest sample = connector.sampleRecord("contacts", List.of("hs_object_id", "givenname"));
        assertThat(sample.method()).isEqualTo("GET");
        assertThat(sample.path()).isEqualTo("/crm/v3/objects/contacts");
        assertThat(sample.query()).isEqualTo("limit=1&properties=hs_object_id%2Cgivenname%2Cemail%2Cfirstname%2Clastname");
    }

    @Test
    void anotherHubSpotHostIsTheAlternativeOfAConfiguredOneAndOtherHostsHaveNone() {
        assertThat(connector.alternativeBaseUrls("https://api.hubapi.com/")).containsExactly("https://api-eu1.hubapi.com");
        assertThat(connector.alternativeBaseUrls("https://api.hubspot.com"))
                .containsExactly("https://api.hubapi.com", "https://api-eu1.hubapi.com");
        assertThat(connector.alternativeBaseUrls("http://localhost:8080/sandbox/hubspot")).isEmpty();
    }
}
