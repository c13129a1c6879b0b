package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.crmbridge.crm.ErrorPolicy;
import io.crmbridge.crm.hubspot.HubSpotConnector;

class OidcTokenEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"missing or invalid refresh token\"}",
            "{\"status\":\"BAD_CLIENT_ID\",\"message\":\"missing or unknown client id\"}",
            "{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}",
            "{\"error\":\"invalid_client\"}",
            "Default OidcClient has failed to complete the refresh_token grant request:  status: 401, error message: x" })
    void refusalsOnlyAnOperatorCanFixAreRejections(String message) {
        assertThat(OidcTokenEndpoint.isRejection(message, new HubSpotConnector())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Connection refused: localhost/127.0.0.1:8080", "status: 503, error message: busy",
            "{\"status\":\"error\",\"message\":\"internal error\",\"category\":\"INTERNAL_ERROR\"}" })
    void outagesAreNotRejections(String message) {
        assertThat(OidcTokenEndpoint.isRejection(message, new HubSpotConnector())).isFalse();
        assertThat(OidcTokenEndpoint.isRejection(message, ErrorPolicy.GENERIC)).isFalse();
    }
}
