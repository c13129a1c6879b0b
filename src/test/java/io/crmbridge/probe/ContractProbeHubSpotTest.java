package io.crmbridge.probe;

import static io.crmbridge.testsupport.SandboxControl.control;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.connection.ConnectionStateStore;
import io.crmbridge.sandbox.SandboxClient;
import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The contract probe against the HubSpot sandbox, through the connection's real refresh-token flow: the token
 * lifetime the sandbox issues, a rotated refresh token (kept: the connection goes on), a field map that names a
 * property the CRM does not have (missing) and leaves out one it fills (unknown), an enum value outside the map's
 * list, a host answering 5xx, and not one write to the CRM.
 */
@QuarkusTest
@TestProfile(ProbeMaps.class)
class ContractProbeHubSpotTest {

    @Inject
    ConnectionStateStore store;

    private static boolean seeded;

    @BeforeEach
    void oneRecordEach() {
        if (!seeded) {
            // The sandbox starts empty for this profile: these are the records the probe's "limit 1" reads find.
            SandboxClient.create("contacts", "{\"email\":\"probe@probe.example\",\"firstname\":\"Pro\","
                    + "\"lastname\":\"Be\",\"lifecyclestage\":\"customer\"}");
            SandboxClient.create("deals", "{\"dealname\":\"Probe deal\",\"amount\":\"1500\","
                    + "\"pipeline\":\"default\",\"dealstage\":\"closedwon\"}");
            seeded = true;
        }
    }

    @AfterEach
    void restore() {
        SandboxControl.clearFaults();
        control().body(Map.of("rotateRefreshTokens", false, "accessTokenLifetimeSeconds", 1800))
                .put("/oauth/settings").then().statusCode(200);
        SandboxControl.resetOAuth();
        given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "sandbox-refresh"))
                .post("/admin/connections/hubspot/credentials").then().statusCode(200);
    }

    @Test
    void reportsTheLifetimeTheTokenEndpointGaveAndARotatedRefreshTokenWhichTheConnectionKeeps() {
        SandboxControl.accessTokenLifetime(5);
        control().body(Map.of("rotateRefreshTokens", true)).put("/oauth/settings").then().statusCode(200);

        String body = probe().then().statusCode(200).extract().asString();
        JsonPath report = JsonPath.from(body);
        assertThat(report.getInt("auth.expiresInSeconds")).isEqualTo(5);
        assertThat(report.getBoolean("auth.refreshTokenReturned")).isTrue();
        assertThat(report.getBoolean("auth.refreshTokenRotated")).isTrue();
        assertThat(report.getString("auth.refreshTokenSent.sha256")).isNotEqualTo(report.getString("auth.refreshTokenReceived.sha256"));
        assertThat(report.getString("auth.error")).isNull();

        String kept = store.find("hubspot").orElseThrow().refreshToken();
        assertThat(kept).as("the rotated refresh token is stored like any refresh").isNotEqualTo("sandbox-refresh");
        assertThat(body).as("no secret in the report").doesNotContain(kept).doesNotContain("sandbox-refresh")
                .doesNotContain("sandbox-secret");
        assertThat(report.getInt("auth.refreshTokenReceived.length")).isEqualTo(kept.length());

        // The old refresh token is dead now: a second probe refreshes only if the connection kept the new one.
        JsonPath second = probe().then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("auth.error")).isNull();
        assertThat(second.getString("auth.refreshTokenSent.sha256")).isEqualTo(report.getString("auth.refreshTokenReceived.sha256"));
        assertThat(store.find("hubspot").orElseThrow().state()).isEqualTo("ACTIVE");
    }

    @Test
    void comparesOneLiveRecordPerObjectWithTheFieldMap() {
        String body = probe().then().statusCode(200).extract().asString();
        JsonPath report = JsonPath.from(body);
        assertThat(report.getString("workingBaseUrl")).endsWith("/sandbox/hubspot");
        assertThat(report.getList("hosts")).hasSize(1);
        assertThat(report.getInt("hosts[0].status")).isEqualTo(200);

        Map<String, Object> firstName = finding(report, "contacts", "first-name");
        assertThat(firstName).containsEntry("kind", "MISSING").containsEntry("property", "givenname")
                .containsEntry("detail", "the CRM has no property givenname on this object");
        assertThat(finding(report, "contacts", "phone")).as("a property the CRM has, empty on this record")
                .containsEntry("kind", "EMPTY");
        Map<String, Object> unknown = report.getMap("objects.find { it.object == 'contacts' }.findings.find { it.kind == 'UNKNOWN' && it.property == 'firstname' }");
        assertThat(unknown).as("the property the map no longer names").isNotNull().containsEntry("value", "Pro");
        Map<String, Object> stage = finding(report, "contacts", "lifecycle-stage");
        assertThat(stage).containsEntry("kind", "ENUM_NOT_ALLOWED").containsEntry("value", "customer");
        assertThat(finding(report, "contacts", "email")).containsEntry("kind", "OK").containsEntry("actual", "string");

        // HubSpot sends numbers as text: an amount "1500" is what a number looks like there, not a finding.
        assertThat(finding(report, "deals", "amount")).containsEntry("kind", "OK");
        assertThat(finding(report, "deals", "name")).containsEntry("kind", "OK").containsEntry("value", "Probe deal");
        assertThat(report.getString("objects.find { it.object == 'deals' }.recordId")).isNotBlank();
    }

    @Test
    void reportsAHostThatAnswers5xxWithItsStatus() {
        SandboxControl.fault("GET", "/crm/v3/objects/contacts", 1.0, List.of(503));
        JsonPath report = probe().then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("hosts[0].works")).isFalse();
        assertThat(report.getInt("hosts[0].status")).isEqualTo(503);
        assertThat(report.getBoolean("hosts[0].configured")).isTrue();
        assertThat(report.getString("workingBaseUrl")).isNull();
        assertThat(report.getInt("objects.find { it.object == 'contacts' }.status")).isEqualTo(503);
        assertThat(report.getString("objects.find { it.object == 'contacts' }.error")).startsWith("HTTP 503");
    }

    @Test
    void neverWritesToTheCrm() {
        SandboxControl.resetCounters();
        probe().then().statusCode(200);
        List<Map<String, Object>> counters = control().get("/counters").then().statusCode(200).extract().jsonPath()
                .getList("counters");
        assertThat(counters).as("the probe read the CRM")
                .anyMatch(c -> "GET".equals(c.get("method")) && String.valueOf(c.get("path")).startsWith("/crm/v3/objects"));
        assertThat(counters).as("no POST, PATCH, PUT or DELETE to a CRM object path")
                .noneMatch(c -> !"GET".equals(c.get("method")) && String.valueOf(c.get("path")).startsWith("/crm/"));
    }

    @Test
    void answers404ForAnUnknownConnectionAnd401WithoutTheAdminToken() {
        given().header("Authorization", "Bearer test-admin-token").post("/admin/connections/nosuch/probe")
                .then().statusCode(404);
        given().post("/admin/connections/hubspot/probe").then().statusCode(401);
    }

    private static io.restassured.response.Response probe() {
        return given().header("Authorization", "Bearer test-admin-token").post("/admin/connections/hubspot/probe");
    }

    private static Map<String, Object> finding(JsonPath report, String object, String field) {
        Map<String, Object> finding = report.getMap("objects.find { it.object == '" + object + "' }.findings.find { it.field == '"
                + field + "' }");
        assertThat(finding).as(object + "." + field).isNotNull();
        return finding;
    }
}
