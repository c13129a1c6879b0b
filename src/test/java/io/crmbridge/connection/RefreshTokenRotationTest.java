package io.crmbridge.connection;

import static io.crmbridge.testsupport.SandboxControl.control;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.Crm;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A refresh token the CRM rotates is kept in connection_state, so a restart uses the new one. */
@QuarkusTest
class RefreshTokenRotationTest {

    @Inject
    ProducerTemplate producer;

    @Inject
    ConnectionStateStore store;

    @AfterEach
    void restore() {
        control().body(Map.of("rotateRefreshTokens", false))
                .put("/oauth/settings").then().statusCode(200);
        SandboxControl.resetOAuth();
        given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "sandbox-refresh"))
                .post("/admin/connections/hubspot/credentials").then().statusCode(200);
    }

    @Test
    void aRotatedRefreshTokenIsPersistedAndUsedNext() {
        control().body(Map.of("rotateRefreshTokens", true))
                .put("/oauth/settings").then().statusCode(200);
        SandboxControl.expireAccessTokens();
        producer.requestBody("direct:crm-contact-create", Crm.contact("rotate-1-" + System.nanoTime() + "@rotation.example"));
        String first = store.find("hubspot").orElseThrow().refreshToken();
        assertThat(first).isNotEqualTo("sandbox-refresh");

        // The rotated token is the only valid one now: the next refresh succeeds only if the bridge uses it.
        SandboxControl.expireAccessTokens();
        producer.requestBody("direct:crm-contact-create", Crm.contact("rotate-2-" + System.nanoTime() + "@rotation.example"));
        String second = store.find("hubspot").orElseThrow().refreshToken();
        assertThat(second).isNotEqualTo(first).isNotEqualTo("sandbox-refresh");
        assertThat(store.find("hubspot").orElseThrow().state()).isEqualTo("ACTIVE");
    }
}
