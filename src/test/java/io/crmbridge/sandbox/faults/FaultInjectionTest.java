package io.crmbridge.sandbox.faults;

import static io.crmbridge.sandbox.SandboxClient.STATIC_TOKEN;
import static io.crmbridge.sandbox.SandboxClient.TOKEN_PATH;
import static io.crmbridge.sandbox.SandboxClient.refreshGrant;
import static io.crmbridge.sandbox.SandboxClient.timeoutAfter;
import static io.crmbridge.sandbox.SandboxClient.withToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.PlatformProbeResource;
import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Injected 5xx, latency and hangs, set and cleared at run time. */
@QuarkusTest
class FaultInjectionTest {

    private static final String CONTROL = SandboxPaths.CONTROL + "/faults";
    private static final String PROBE = PlatformProbeResource.BASE + "/5";
    private static final String PROBE_PATTERN = "/crm/v3/platform-probe/.*";

    @AfterEach
    void clearFaults() {
        given().delete(CONTROL).then().statusCode(200).body("rules.size()", equalTo(0));
    }

    @Test
    void shareOneAnswersEveryMatchingCallWithA5xxInHubSpotsErrorBody() {
        setFaults("{\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"errorRate\":1.0}]}");

        for (int i = 0; i < 10; i++) {
            int status = withToken(STATIC_TOKEN).get(PROBE).then()
                    .body("status", equalTo("error"))
                    .body("category", notNullValue())
                    .body("correlationId", notNullValue())
                    .body("message", notNullValue())
                    .extract().statusCode();
            assertThat(status).isIn(500, 502, 503);
        }
        // other paths are untouched
        withToken(STATIC_TOKEN).get(SandboxPaths.HUBSPOT + "/crm/v3/owners").then().statusCode(200);
    }

    @Test
    void faultsHitBeforeAuthentication() {
        setFaults("{\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"errorRate\":1.0,\"statuses\":[502]}]}");
        given().get(PROBE).then().statusCode(502).body("category", equalTo("BAD_GATEWAY"));
    }

    @Test
    void failNextCountsDownThenCallsSucceed() {
        setFaults("{\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"failNext\":2,\"statuses\":[503]}]}");

        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(503).body("category", equalTo("SERVICE_UNAVAILABLE"));
        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(503);
        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(200);
        given().get(CONTROL).then().statusCode(200).body("rules[0].failNext", equalTo(0));
    }

    @Test
    void methodRestrictsARule() {
        setFaults("{\"rules\":[{\"method\":\"POST\",\"pathPattern\":\"" + PROBE_PATTERN + "\",\"errorRate\":1.0}]}");

        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(200);
        int status = withToken(STATIC_TOKEN).post(PlatformProbeResource.BASE + "/5/touch").statusCode();
        assertThat(status).isIn(500, 502, 503);
    }

    @Test
    void aSeedMakesTheSequenceRepeatable() {
        String setup = "{\"seed\":7,\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"errorRate\":0.5}]}";
        setFaults(setup);
        List<Integer> first = statuses(20);
        setFaults(setup);
        List<Integer> second = statuses(20);

        assertThat(second).isEqualTo(first);
        assertThat(Set.copyOf(first)).contains(200).containsAnyOf(500, 502, 503);
    }

    @Test
    void latencyDelaysTheAnswer() {
        setFaults("{\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"latencyMillis\":600}]}");

        long started = System.nanoTime();
        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(200).body("id", equalTo("5"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(600);
    }

    @Test
    void latencyAndErrorTogetherAnswerOnceWithTheFullBody() {
        setFaults("{\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"latencyMillis\":300,\"failNext\":1},"
                + "{\"pathPattern\":\"/crm/v3/owners\",\"latencyMillis\":20,\"failNext\":15}]}");
        long started = System.nanoTime();
        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(500).body("category", equalTo("INTERNAL_ERROR"));
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);

        for (int i = 0; i < 15; i++) {
            withToken(STATIC_TOKEN).get(SandboxPaths.HUBSPOT + "/crm/v3/owners").then()
                    .statusCode(500).body("category", equalTo("INTERNAL_ERROR")).body("correlationId", notNullValue());
        }
        withToken(STATIC_TOKEN).get(SandboxPaths.HUBSPOT + "/crm/v3/owners").then().statusCode(200);
    }

    @Test
    void hangNeverAnswersSoTheClientTimesOut() {
        setFaults("{\"maxHangMillis\":20000,\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"hangRate\":1.0}]}");

        assertThatThrownBy(() -> withToken(STATIC_TOKEN).config(timeoutAfter(800)).get(PROBE))
                .isInstanceOf(SocketTimeoutException.class);
        // the server is not stuck: other calls are answered at once
        withToken(STATIC_TOKEN).get(SandboxPaths.HUBSPOT + "/crm/v3/owners").then().statusCode(200);
    }

    @Test
    void aHangIsBoundedTheServerClosesTheConnectionUnanswered() {
        setFaults("{\"maxHangMillis\":300,\"rules\":[{\"pathPattern\":\"" + PROBE_PATTERN + "\",\"hangRate\":1.0}]}");

        long started = System.nanoTime();
        // Bounded: the server closed the connection unanswered (a client that waited out its own 15 s would have
        // thrown SocketTimeoutException instead), so no upper bound on the test's clock is needed.
        assertThatThrownBy(() -> withToken(STATIC_TOKEN).config(timeoutAfter(15_000)).get(PROBE))
                .isInstanceOf(NoHttpResponseException.class);
        // A lower bound only: the server holds the request for the hang bound, and no machine answers sooner.
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300L);
    }

    @Test
    void theTokenEndpointCanFailToo() {
        setFaults("{\"rules\":[{\"method\":\"POST\",\"pathPattern\":\"/oauth/v1/token\",\"failNext\":1}]}");
        refreshGrant("sandbox-refresh").post(TOKEN_PATH).then().statusCode(500);
        refreshGrant("sandbox-refresh").post(TOKEN_PATH).then().statusCode(200);
    }

    @Test
    void invalidRulesAreRefusedAndLeaveTheSetupUnchanged() {
        setFaults("{\"rules\":[{\"pathPattern\":\"/nothing\",\"errorRate\":0.1}]}");
        given().contentType(ContentType.JSON).body("{\"rules\":[{\"errorRate\":1.5}]}").put(CONTROL).then()
                .statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
        given().contentType(ContentType.JSON).body("{\"rules\":[{\"pathPattern\":\"([\"}]}").put(CONTROL).then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{\"rules\":[{\"statuses\":[200]}]}").put(CONTROL).then()
                .statusCode(400);
        given().get(CONTROL).then().body("rules[0].pathPattern", equalTo("/nothing"));
    }

    private static List<Integer> statuses(int calls) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(withToken(STATIC_TOKEN).get(PROBE).statusCode());
        }
        return statuses;
    }

    private static void setFaults(String json) {
        given().contentType(ContentType.JSON).body(json).put(CONTROL).then().statusCode(200);
    }
}
