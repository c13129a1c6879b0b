package io.crmbridge.sandbox.ratelimit;

import static io.crmbridge.sandbox.SandboxClient.clientCredentialsToken;
import static io.crmbridge.sandbox.SandboxClient.withToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.PlatformProbeResource;
import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** HubSpot-style 429s per token, with Retry-After and the rate-limit headers, then recovery. */
@QuarkusTest
class RateLimitTest {

    private static final String CONTROL = SandboxPaths.CONTROL + "/rate-limit";
    private static final String PROBE = PlatformProbeResource.BASE + "/42";

    @AfterEach
    void restoreConfiguredLimit() {
        given().delete(CONTROL).then().statusCode(200).body("maxRequests", equalTo(1_000_000));
    }

    @Test
    void testProfileLimitIsHighSoOtherTestsNeverSee429() {
        given().get(CONTROL).then().statusCode(200)
                .body("maxRequests", equalTo(1_000_000))
                .body("windowMillis", equalTo(10_000));
    }

    @Test
    void fullWindowAnswers429WithRetryAfterAndRecovers() {
        lowerLimitTo(3, 2_000);
        String token = clientCredentialsToken();

        for (int remaining = 2; remaining >= 0; remaining--) {
            withToken(token).get(PROBE).then()
                    .statusCode(200)
                    .header("X-HubSpot-RateLimit-Max", "3")
                    .header("X-HubSpot-RateLimit-Remaining", String.valueOf(remaining))
                    .header("X-HubSpot-RateLimit-Interval-Milliseconds", "2000")
                    .header("X-HubSpot-RateLimit-Daily", notNullValue())
                    .header("X-HubSpot-RateLimit-Daily-Remaining", notNullValue());
        }

        Response limited = withToken(token).get(PROBE);
        limited.then()
                .statusCode(429)
                .contentType(ContentType.JSON)
                .header("X-HubSpot-RateLimit-Remaining", "0")
                .header("X-HubSpot-RateLimit-Max", "3")
                .body("status", equalTo("error"))
                .body("category", equalTo("RATE_LIMITS"))
                .body("errorType", equalTo("RATE_LIMIT"))
                .body("policyName", equalTo("TEN_SECONDLY_ROLLING"))
                .body("correlationId", notNullValue())
                .body("message", equalTo("You have reached your ten_secondly_rolling limit."));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        org.assertj.core.api.Assertions.assertThat(retryAfter).isBetween(1, 2);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> withToken(token).get(PROBE).statusCode() == 200);
    }

    @Test
    void eachTokenHasItsOwnWindow() {
        lowerLimitTo(1, 60_000);
        String first = clientCredentialsToken();
        String second = clientCredentialsToken();

        withToken(first).get(PROBE).then().statusCode(200);
        withToken(first).get(PROBE).then().statusCode(429);
        withToken(second).get(PROBE).then().statusCode(200).header("X-HubSpot-RateLimit-Remaining", "0");
    }

    @Test
    void rejectedCallsWithoutValidTokenDoNotSpendTheWindow() {
        lowerLimitTo(1, 60_000);
        given().get(PROBE).then().statusCode(401);
        withToken("sandbox-token").get(PROBE).then().statusCode(200);
    }

    @Test
    void controlEndpointValidatesAndReportsSettings() {
        given().contentType(ContentType.JSON).body("{\"maxRequests\":0}").put(CONTROL).then()
                .statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
        given().contentType(ContentType.JSON).body("{\"maxRequests\":7}").put(CONTROL).then()
                .statusCode(200).body("maxRequests", equalTo(7)).body("windowMillis", equalTo(10_000));
        given().get(CONTROL).then().body("maxRequests", equalTo(7));
    }

    private static void lowerLimitTo(int maxRequests, long windowMillis) {
        given().contentType(ContentType.JSON)
                .body("{\"maxRequests\":" + maxRequests + ",\"windowMillis\":" + windowMillis + "}")
                .put(CONTROL).then().statusCode(200).body("maxRequests", equalTo(maxRequests));
    }
}
