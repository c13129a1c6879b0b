package io.crmbridge.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.Crm;
import io.crmbridge.testsupport.SandboxControl;
import io.crmbridge.testsupport.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A revoked refresh token puts the connection in NEEDS_REAUTH (its wellness check DOWN naming it, readiness
 * still UP, exactly one alert); new credentials through the admin API resume it without a restart. Also: while it
 * waits, calls fail at once without sending anything instead of parking their threads (an outbound event goes back to
 * the queue and is not lost: QueueFaultsTest), and sent again after the new credentials they all succeed.
 */
@QuarkusTest
class NeedsReauthTest {

    static final String ADMIN = "Bearer test-admin-token";

    @Inject
    ProducerTemplate producer;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restoreCredentials() {
        SandboxControl.resetOAuth();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "sandbox-refresh"))
                .post("/admin/connections/hubspot/credentials").then().statusCode(200);
    }

    @Test
    void revokedRefreshTokenStopsWritesUntilNewCredentialsArrive() throws Exception {
        long alertsBefore = count("SELECT coalesce(max(id), 0) FROM operator_alert");
        SandboxControl.revokeRefreshToken("sandbox-refresh");
        SandboxControl.expireAccessTokens();
        String domain = "reauth-" + UUID.randomUUID() + ".example";

        List<Future<Object>> writes = Crm.sendConcurrently(producer, "direct:crm-contact-create", 20, 4,
                i -> Crm.contact("r" + i + "@" + domain));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("Authorization", ADMIN)
                .get("/admin/connections/hubspot").then().statusCode(200).body("state", equalTo("NEEDS_REAUTH")));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'crm-connections' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'crm-connections' }.data.hubspot", containsString("NEEDS_REAUTH"));
        assertThat(openAlerts("CONNECTION_NEEDS_REAUTH", "hubspot")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> writes.stream().allMatch(Future::isDone));
        assertThat(writes).as("calls fail fast, none parked").allSatisfy(write -> assertThatThrownBy(write::get)
                .hasRootCauseInstanceOf(NeedsReauthException.class));
        assertThat(SandboxControl.contactsWithEmailDomain(domain)).isZero();

        SandboxControl.issueRefreshToken("operator-" + domain);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "operator-" + domain))
                .post("/admin/connections/hubspot/credentials").then().statusCode(200).body("state", equalTo("ACTIVE"));

        List<Future<Object>> again = Crm.sendConcurrently(producer, "direct:crm-contact-create", 20, 4,
                i -> Crm.contact("r" + i + "@" + domain));
        for (Future<Object> write : again) {
            assertThat(write.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("id");
        }
        assertThat(SandboxControl.contactsWithEmailDomain(domain)).isEqualTo(20);
        given().get("/q/health/well").then().statusCode(200);
        assertThat(openAlerts("CONNECTION_NEEDS_REAUTH", "hubspot")).isZero();
        assertThat(count("SELECT count(*) FROM operator_alert WHERE id > ? AND code = 'CONNECTION_NEEDS_REAUTH'", alertsBefore))
                .as("exactly one alert for the whole episode").isEqualTo(1);
    }

    private int openAlerts(String code, String subject) throws Exception {
        return count("SELECT count(*) FROM operator_alert WHERE code = ? AND subject = ? AND cleared_at IS NULL", code, subject);
    }

    private int count(String sql, Object... params) throws Exception {
        return TestDb.count(dataSource, sql, params);
    }
}
