package io.crmbridge.crm.clio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.CrmRequest;

/** What the Clio connector gives the contract probe: the other region hosts, and a read-only sample request. */
class ClioProbeSupportTest {

    private final ClioConnector connector = new ClioConnector();

    @Test
    void theOtherRegionHostsAreTheAlternativesOfARegionHost() {
        assertThat(connector.alternativeBaseUrls("https://app.clio.com/api/v4")).containsExactly(
                "https://eu.app.clio.com/api/v4", "https://ca.app.clio.com/api/v4", "https://au.app.clio.com/api/v4");
        assertThat(connector.alternativeBaseUrls("https://eu.app.clio.com/api/v4/")).containsExactly(
                "https://app.clio.com/api/v4", "https://ca.app.clio.com/api/v4", "https://au.app.clio.com/api/v4");
    }

    @Test
    void aGatewayRoutingByTheRegionNameInThePathGetsTheOtherRegionsThere() {
        assertThat(connector.alternativeBaseUrls("http://localhost:8080/sandbox/clio/app/api/v4")).containsExactly(
                "http://localhost:8080/sandbox/clio/eu.app/api/v4", "http://localhost:8080/sandbox/clio/ca.app/api/v4",
                "http://localhost:8080/sandbox/clio/au.app/api/v4");
        assertThat(connector.alternativeBaseUrls("http://gw/clio/eu.app/api/v4")).first()
                .isEqualTo("http://gw/clio/app/api/v4");
        assertThat(connector.alternativeBaseUrls("http://localhost:8080/sandbox/clio/api/v4")).isEmpty();
        assertThat(connector.alternativeBaseUrls("https://crm.example.com/api/v4")).isEmpty();
    }

    @Test
    void theSampleIsAGetOfOneRecord() {
        CrmRequest sample = connector.sampleRecord("deals", List.of("id", "description", "practice_area"));
        assertThat(sample.method()).isEqualTo("GET");
        assertThat(sample.path()).endsWith("matters.json");
        assertThat(sample.query()).contains("limit=1").contains("fields=");
    }
}
