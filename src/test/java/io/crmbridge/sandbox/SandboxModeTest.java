package io.crmbridge.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The sandbox-only process mode ({@code -Dquarkus.profile=sandbox}): none of the bridge's routes, and the
 * sandbox works (a token from the token endpoint, then a CRM call with it).
 */
@QuarkusTest
@TestProfile(SandboxModeTest.SandboxOnly.class)
class SandboxModeTest {

    public static class SandboxOnly implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "sandbox";
        }

        /** The embedded server the other tests already started, rather than a second one under .crm-bridge/. */
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("crmbridge.embedded-postgres.data-dir", "target/embedded-postgres-test");
        }
    }

    @Inject
    CamelContext camelContext;

    @Test
    void loadsNoRoutes() {
        assertThat(camelContext.getRoutes()).extracting(org.apache.camel.Route::getRouteId)
                .filteredOn(id -> !id.startsWith("test-")) // Java routes of other test classes
                .isEmpty();
    }

    @Test
    void servesATokenAndACrmCallWithIt() {
        String accessToken = SandboxClient.refreshGrant("sandbox-refresh").post(SandboxClient.TOKEN_PATH).then()
                .statusCode(200).extract().path("access_token");
        SandboxClient.withToken(accessToken).get(SandboxPaths.HUBSPOT + "/crm/v3/owners").then().statusCode(200);
    }

    @Test
    void isHealthy() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
