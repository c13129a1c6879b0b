package io.crmbridge.sandbox.metrics;

import static io.crmbridge.sandbox.SandboxClient.STATIC_TOKEN;
import static io.crmbridge.sandbox.SandboxClient.withToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.PlatformProbeResource;
import io.crmbridge.sandbox.SandboxClient;
import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every HubSpot API call is counted by method, path template and status; control endpoints are not. */
@QuarkusTest
class RequestCountersTest {

    private static final String COUNTERS = SandboxPaths.CONTROL + "/counters";
    private static final String PROBE = PlatformProbeResource.BASE;
    private static final String TOUCH_TEMPLATE = "/crm/v3/platform-probe/{probeId}/touch";

    @BeforeEach
    void resetCounters() {
        given().delete(COUNTERS).then().statusCode(200);
    }

    @AfterEach
    void restoreSettings() {
        given().delete(SandboxPaths.CONTROL + "/faults").then().statusCode(200);
        given().delete(SandboxPaths.CONTROL + "/rate-limit").then().statusCode(200);
    }

    @Test
    void countsByTemplateMethodAndStatus() {
        withToken(STATIC_TOKEN).get(PROBE + "/1").then().statusCode(200);
        withToken(STATIC_TOKEN).get(PROBE + "/2").then().statusCode(200);
        withToken(STATIC_TOKEN).post(PROBE + "/3/touch").then().statusCode(200);
        given().get(PROBE + "/4").then().statusCode(401);

        assertThat(count("GET", PlatformProbeResource.TEMPLATE, 200)).isEqualTo(2);
        assertThat(count("POST", TOUCH_TEMPLATE, 200)).isEqualTo(1);
        assertThat(count("GET", PlatformProbeResource.TEMPLATE, 401)).isEqualTo(1);
    }

    @Test
    void counts429sAndInjectedFaults() {
        given().contentType(ContentType.JSON).body("{\"maxRequests\":1}").put(SandboxPaths.CONTROL + "/rate-limit")
                .then().statusCode(200);
        withToken(STATIC_TOKEN).get(PROBE + "/1").then().statusCode(200);
        withToken(STATIC_TOKEN).get(PROBE + "/1").then().statusCode(429);
        given().delete(SandboxPaths.CONTROL + "/rate-limit").then().statusCode(200);

        given().contentType(ContentType.JSON)
                .body("{\"rules\":[{\"pathPattern\":\"/crm/v3/platform-probe/.*\",\"failNext\":1,\"statuses\":[503]}]}")
                .put(SandboxPaths.CONTROL + "/faults").then().statusCode(200);
        withToken(STATIC_TOKEN).get(PROBE + "/1").then().statusCode(503);

        assertThat(count("GET", PlatformProbeResource.TEMPLATE, 200)).isEqualTo(1);
        assertThat(count("GET", PlatformProbeResource.TEMPLATE, 429)).isEqualTo(1);
        assertThat(count("GET", PlatformProbeResource.TEMPLATE, 503)).isEqualTo(1);
    }

    @Test
    void aHangIsCountedWithStatusZeroOnceItsConnectionEnds() {
        given().contentType(ContentType.JSON)
                .body("{\"maxHangMillis\":200,\"rules\":[{\"pathPattern\":\"/crm/v3/platform-probe/.*\",\"hangRate\":1}]}")
                .put(SandboxPaths.CONTROL + "/faults").then().statusCode(200);
        // the server closes the connection without answering
        assertThatThrownBy(() -> withToken(STATIC_TOKEN).config(SandboxClient.timeoutAfter(10_000)).get(PROBE + "/9"))
                .isInstanceOf(java.io.IOException.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("GET", PlatformProbeResource.TEMPLATE, RequestCounters.NO_ANSWER) == 1);
    }

    @Test
    void countsOAuthCallsButNotControlEndpoints() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "sandbox")
                .formParam("client_secret", "wrong")
                .post(SandboxPaths.HUBSPOT + "/oauth/v1/token").then().statusCode(400);
        given().get(SandboxPaths.CONTROL + "/oauth/settings").then().statusCode(200);

        assertThat(count("POST", "/oauth/v1/token", 400)).isEqualTo(1);
        List<Map<String, Object>> all = given().get(COUNTERS).then().extract().path("counters");
        assertThat(all).noneMatch(c -> String.valueOf(c.get("path")).startsWith("/_sandbox"));
    }

    @Test
    void unmatchedPathsAreCountedByTheirConcretePath() {
        withToken(STATIC_TOKEN).get(SandboxPaths.HUBSPOT + "/crm/v3/no-such-thing").then().statusCode(404);
        assertThat(count("GET", "/crm/v3/no-such-thing", 404)).isEqualTo(1);
    }

    @Test
    void deleteAnswersTheCountsAndStartsAfresh() {
        withToken(STATIC_TOKEN).get(PROBE + "/1").then().statusCode(200);

        given().delete(COUNTERS).then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        assertThat(count("GET", PlatformProbeResource.TEMPLATE, 200)).isZero();
        given().get(COUNTERS).then().statusCode(200).body("counters.findAll { it.path == '"
                + PlatformProbeResource.TEMPLATE + "' }.size()", equalTo(0));
    }

    private static long count(String method, String path, int status) {
        List<Map<String, Object>> counters = given().get(COUNTERS).then().statusCode(200).extract().path("counters");
        return counters.stream()
                .filter(c -> method.equals(c.get("method")) && path.equals(c.get("path"))
                        && ((Number) c.get("status")).intValue() == status)
                .mapToLong(c -> ((Number) c.get("count")).longValue())
                .sum();
    }
}
