package io.crmbridge.sandbox;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With {@code crmbridge.sandbox.enabled=false} (production) nothing under /sandbox answers, the rest does.
 *
 * <p>Runs on the sandbox profile (none of the bridge's routes) with the switch turned off, on the test database.
 */
@QuarkusTest
@TestProfile(SandboxSwitchOffTest.SandboxOff.class)
class SandboxSwitchOffTest {

    public static class SandboxOff implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "sandbox";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crmbridge.sandbox.enabled", "false",
                    "crmbridge.embedded-postgres.data-dir", "target/embedded-postgres-test");
        }
    }

    @Test
    void crmCallsAnswer404EvenWithTheStaticToken() {
        SandboxClient.withToken(SandboxClient.STATIC_TOKEN).get(SandboxPaths.HUBSPOT + "/crm/v3/owners").then().statusCode(404);
        SandboxClient.withToken(SandboxClient.STATIC_TOKEN).get(PlatformProbeResource.BASE + "/1").then().statusCode(404);
    }

    @Test
    void tokenEndpointAnswers404() {
        SandboxClient.refreshGrant("sandbox-refresh").post(SandboxClient.TOKEN_PATH).then().statusCode(404);
    }

    @Test
    void controlEndpointsAnswer404() {
        given().get(SandboxPaths.CONTROL + "/counters").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"maxRequests\":1}").put(SandboxPaths.CONTROL + "/rate-limit").then()
                .statusCode(404);
        given().get(SandboxPaths.ROOT).then().statusCode(404);
    }

    @Test
    void theRestOfTheApplicationStillAnswers() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
