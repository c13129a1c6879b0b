package io.crmbridge.connection;

import static io.crmbridge.outbound.OutboundTestSupport.lead;
import static io.crmbridge.outbound.OutboundTestSupport.postWebform;
import static io.crmbridge.outbound.OutboundTestSupport.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.connection.ConnectionsConfig.AuthMode;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.outbound.OutboundTestSupport;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * NEEDS_REAUTH lives in table connection_state and every replica reads it from there; the
 * receiver stays ready while the connection's wellness check is DOWN. A "replica" here is a second
 * {@link CrmConnections} (its own tokens, OIDC client and rate gate) on the same database; a "restart" is a new one.
 */
@QuarkusTest
class SharedConnectionStateTest {

    static final String ADMIN = "Bearer test-admin-token";

    @Inject
    CrmConnections app;

    @Inject
    ConnectionsConfig config;

    @Inject
    ConnectionStateStore store;

    @Inject
    ConnectionStateRecorder recorder;

    @Inject
    ConnectionStateConfig stateConfig;

    @Inject
    DataSource dataSource;

    @Inject
    OidcClients oidcClients;

    @Inject
    CrmConnectors connectors;

    @AfterEach
    void restoreCredentials() {
        SandboxControl.resetOAuth();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "sandbox-refresh"))
                .post("/admin/connections/hubspot/credentials").then().statusCode(200);
    }

    @Test
    void needsReauthKeepsTheReceiverReadyIsSharedByEveryReplicaAndSurvivesARestartUntilNewCredentials() {
        ConnectionAuth first = app.get("hubspot").auth();
        ConnectionAuth second = replica().get("hubspot").auth();
        assertThat(second.needsReauth()).isFalse();

        // The first replica's refresh is refused: NEEDS_REAUTH.
        String token = first.accessToken();
        SandboxControl.revokeRefreshToken(store.find("hubspot").orElseThrow().refreshToken());
        assertThatThrownBy(() -> first.refreshAfterUnauthorized(token)).isInstanceOf(NeedsReauthException.class);
        assertThat(store.find("hubspot").orElseThrow().state()).isEqualTo("NEEDS_REAUTH");

        // This pod still takes events: ready, 202; the connection's check is DOWN under /q/health/well.
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String t = UUID.randomUUID().toString().substring(0, 8);
        String eventId = postWebform(lead("reauth-" + t, "reauth-" + t + "@example.org", "Re Auth", "Reauth " + t,
                "reauth-" + t + ".example")).then().statusCode(202).extract().path("eventId");
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'crm-connections' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'crm-connections' }.data.hubspot", containsString("NEEDS_REAUTH"));
        given().header("Authorization", ADMIN).get("/admin/connections/hubspot").then().statusCode(200)
                .body("state", equalTo("NEEDS_REAUTH")).body("reason", not(nullValue()));

        // The second replica sees it from the database and does not try the refused credentials itself.
        await().atMost(Duration.ofSeconds(30)).until(second::needsReauth);
        assertThat(second.reauthReason()).isEqualTo(first.reauthReason());
        assertThatThrownBy(second::accessToken).isInstanceOf(NeedsReauthException.class);

        // A restart keeps it.
        ConnectionAuth restarted = replica().get("hubspot").auth();
        assertThat(restarted.needsReauth()).isTrue();
        assertThat(status(dataSource, eventId)).as("not claimed while the connection needs new credentials").isEqualTo("QUEUED");

        // New credentials given to the first replica resume all of them: the others take the refresh token from
        // the database (the revoked one would be refused) and get a token of their own.
        SandboxControl.issueRefreshToken("operator-" + t);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("refreshToken", "operator-" + t))
                .post("/admin/connections/hubspot/credentials").then().statusCode(200).body("state", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.needsReauth() && !restarted.needsReauth());
        assertThat(second.accessToken()).isNotBlank();
        assertThat(restarted.accessToken()).isNotBlank();
        assertThat(store.find("hubspot").orElseThrow().state()).isEqualTo("ACTIVE");
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'crm-connections' }.status", equalTo("UP"));
        OutboundTestSupport.awaitFinal(dataSource, List.of(eventId), Duration.ofSeconds(30));
        assertThat(status(dataSource, eventId)).isEqualTo("DONE");
    }

    @Test
    void credentialsThatDoNotWorkPutEveryReplicaBackIntoNeedsReauth() {
        ConnectionAuth first = app.get("hubspot").auth();
        ConnectionAuth second = replica().get("hubspot").auth();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("refreshToken", "never-issued"))
                .post("/admin/connections/hubspot/credentials").then().statusCode(200).body("state", equalTo("ACTIVE"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThatThrownBy(second::accessToken).isInstanceOf(NeedsReauthException.class));
        assertThat(store.find("hubspot").orElseThrow().state()).isEqualTo("NEEDS_REAUTH");
        await().atMost(Duration.ofSeconds(30)).until(first::needsReauth);
    }

    @Test
    void privateAppModeToo() {
        String name = "pat-" + UUID.randomUUID();
        ConnectionAuth first = privateApp(name);
        ConnectionAuth second = privateApp(name);
        assertThat(first.accessToken()).isEqualTo("sandbox-token");
        assertThat(second.accessToken()).isEqualTo("sandbox-token");

        assertThatThrownBy(() -> first.refreshAfterUnauthorized("sandbox-token")).isInstanceOf(NeedsReauthException.class);
        assertThat(store.find(name).orElseThrow().state()).isEqualTo("NEEDS_REAUTH");
        await().atMost(Duration.ofSeconds(30)).until(second::needsReauth);
        assertThatThrownBy(second::accessToken).isInstanceOf(NeedsReauthException.class);

        ConnectionAuth restarted = privateApp(name);
        assertThat(restarted.needsReauth()).as("a restart keeps it").isTrue();
        assertThatThrownBy(restarted::accessToken).isInstanceOf(NeedsReauthException.class);

        second.reauthorize(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !first.needsReauth() && !restarted.needsReauth());
        assertThat(restarted.accessToken()).isEqualTo("sandbox-token");
        assertThat(store.find(name).orElseThrow().state()).isEqualTo("ACTIVE");
    }

    /** Another replica of the application: its own connections on the same database. */
    private CrmConnections replica() {
        return new CrmConnections(config, store, recorder, stateConfig, dataSource, oidcClients, connectors,
                java.time.Clock.systemUTC());
    }

    private ConnectionAuth privateApp(String name) {
        return new ConnectionAuth(name, AuthMode.PRIVATE_APP, "sandbox-token", null, null, Duration.ofSeconds(1),
                Clock.systemUTC(), recorder, store, stateConfig.maxAge());
    }
}
