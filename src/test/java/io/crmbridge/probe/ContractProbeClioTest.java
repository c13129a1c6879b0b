package io.crmbridge.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.connection.ConnectionStateStore;
import io.crmbridge.testsupport.ClioSandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The contract probe against the Clio sandbox: a map that declares {@code practice_area} a
 * string, as Clio's published shape does, is told that it is a relationship object {@code {id, name}} and what it
 * holds; with the lying switch on, the documented host fails and another region's host works, and a contact's
 * {@code title} (a string in the published shape) arrives as an object; 5-second tokens are reported as 5 seconds.
 * Not one write reaches the CRM.
 */
@QuarkusTest
@TestProfile(ProbeMaps.class)
class ContractProbeClioTest {

    @Inject
    ConnectionStateStore store;

    private long familyId;

    @BeforeEach
    void oneMatterWithItsClient() {
        ClioSandboxControl.reset();
        given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON)
                .body(Map.of("refreshToken", ClioSandboxControl.REFRESH_TOKEN))
                .post("/admin/connections/clio/credentials").then().statusCode(200);
        String token = ClioSandboxControl.accessToken();
        List<Map<String, Object>> areas = ClioSandboxControl.withToken(token)
                .get(ClioSandboxControl.API + "/practice_areas.json?fields=id,name").then().statusCode(200)
                .extract().jsonPath().getList("data");
        familyId = areas.stream().filter(a -> "Family".equals(a.get("name")))
                .mapToLong(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();
        long client = ClioSandboxControl.withToken(token)
                .body(Map.of("data", Map.of("type", "Person", "name", "Ada Probe", "first_name", "Ada", "last_name", "Probe",
                        "title", "Partner")))
                .post(ClioSandboxControl.API + "/contacts.json").then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
        ClioSandboxControl.withToken(token)
                .body(Map.of("data", Map.of("client", Map.of("id", client), "description", "Probe matter",
                        "status", "open", "practice_area", Map.of("id", familyId))))
                .post(ClioSandboxControl.API + "/matters.json").then().statusCode(201);
    }

    @Test
    void aPracticeAreaDeclaredAStringIsReportedAsTheRelationshipObjectItIs() {
        JsonPath report = probe();
        assertThat(report.getString("kind")).isEqualTo("clio");
        assertThat(report.getString("auth.error")).isNull();
        Map<String, Object> area = finding(report, "deals", "practice-area");
        assertThat(area).containsEntry("kind", "TYPE_MISMATCH").containsEntry("declared", "string")
                .containsEntry("actual", "relationship").containsEntry("relationshipId", Long.toString(familyId))
                .containsEntry("relationshipName", "Family");
        assertThat((String) area.get("detail")).contains("relationship object {id, name}");
        assertThat(finding(report, "deals", "stage")).containsEntry("kind", "OK").containsEntry("value", "open");
        assertThat(finding(report, "deals", "name")).containsEntry("kind", "OK").containsEntry("value", "Probe matter");
        // Switch off, the documented host works and a contact's title is the string it is documented to be.
        assertThat(report.getString("workingBaseUrl")).endsWith("/sandbox/clio/app/api/v4");
        assertThat(finding(report, "contacts", "title")).containsEntry("kind", "OK").containsEntry("value", "Partner");
    }

    @Test
    void anOrderTheAccountRefusesAndAFieldItLacksAreNamed() {
        ClioSandboxControl.account(List.of("id(asc)"), List.of("contacts.title"));
        JsonPath report = probe();
        Map<String, Object> order = report.getMap("objects.find { it.object == 'contacts' }.findings.find { it.kind == 'ORDER_REFUSED' }");
        assertThat(order).as(report.prettify()).isNotNull().containsEntry("value", "id(asc)");
        assertThat((String) order.get("detail")).contains("400", "Invalid order");
        Map<String, Object> field = report.getMap("objects.find { it.object == 'contacts' }.findings.find { it.kind == 'FIELD_REFUSED' }");
        assertThat(field).as(report.prettify()).isNotNull().containsEntry("property", "title").containsEntry("field", "title");
        assertThat((String) field.get("detail")).contains("title");
        assertThat(report.getList("objects.find { it.object == 'contacts' }.findings.findAll { it.kind == 'FIELD_REFUSED' }"))
                .as("only the field the account lacks").hasSize(1);
    }

    @Test
    void theLyingHostIsReportedFailingWithTheRegionHostThatWorks() {
        ClioSandboxControl.lying(true);
        JsonPath report = probe();
        assertThat(report.getBoolean("hosts[0].configured")).isTrue();
        assertThat(report.getString("hosts[0].baseUrl")).endsWith("/sandbox/clio/app/api/v4");
        assertThat(report.getBoolean("hosts[0].works")).isFalse();
        assertThat(report.getInt("hosts[0].status")).isEqualTo(503);
        assertThat(report.getString("hosts[0].contentType")).startsWith("text/html");
        assertThat(report.getString("hosts[0].excerpt")).contains("503");
        assertThat(report.getBoolean("hosts[1].configured")).isFalse();
        assertThat(report.getBoolean("hosts[1].works")).isTrue();
        assertThat(report.getString("hosts[1].baseUrl")).endsWith("/sandbox/clio/eu.app/api/v4");
        assertThat(report.getString("workingBaseUrl")).isEqualTo(report.getString("hosts[1].baseUrl"));

        // The records come from the working host, and the second lie shows: the title is an object now.
        assertThat(finding(report, "deals", "practice-area")).containsEntry("relationshipName", "Family");
        assertThat(finding(report, "contacts", "title")).containsEntry("kind", "TYPE_MISMATCH")
                .containsEntry("actual", "relationship").containsEntry("relationshipName", "Partner");
    }

    @Test
    void fiveSecondTokensAreReportedAsAFiveSecondLifetimeAndARotatedRefreshTokenIsKept() {
        ClioSandboxControl.accessTokenLifetime(5);
        ClioSandboxControl.rotateRefreshTokens(true);
        JsonPath report = probe();
        assertThat(report.getInt("auth.expiresInSeconds")).isEqualTo(5);
        assertThat(report.getString("auth.tokenEndpoint")).endsWith("/sandbox/clio/app/oauth/token");
        assertThat(report.getBoolean("auth.refreshTokenRotated")).isTrue();
        String kept = store.find("clio").orElseThrow().refreshToken();
        assertThat(kept).isNotEqualTo(ClioSandboxControl.REFRESH_TOKEN);
        assertThat(probe().getString("auth.error")).as("the connection refreshes with the kept token").isNull();
    }

    @Test
    void neverWritesToTheCrm() {
        ClioSandboxControl.lying(true);
        ClioSandboxControl.resetCounters();
        probe();
        List<Map<String, Object>> counters = ClioSandboxControl.control().get("/counters").then().statusCode(200)
                .extract().jsonPath().getList("counters");
        assertThat(counters).as("the probe read both hosts")
                .anyMatch(c -> "GET".equals(c.get("method")) && String.valueOf(c.get("path")).startsWith("/app/api/v4/"))
                .anyMatch(c -> "GET".equals(c.get("method")) && String.valueOf(c.get("path")).startsWith("/eu.app/api/v4/"));
        assertThat(counters).as("no POST, PATCH, PUT or DELETE to Clio's API")
                .noneMatch(c -> !"GET".equals(c.get("method")) && String.valueOf(c.get("path")).contains("/api/v4/"));
    }

    private static JsonPath probe() {
        return given().header("Authorization", "Bearer test-admin-token").post("/admin/connections/clio/probe")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> finding(JsonPath report, String object, String field) {
        Map<String, Object> finding = report.getMap("objects.find { it.object == '" + object
                + "' }.findings.find { it.field == '" + field + "' }");
        assertThat(finding).as(object + "." + field + " in " + report.prettify()).isNotNull();
        return finding;
    }
}
