package io.crmbridge.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Kubernetes probes answer; readiness is what this pod needs to accept and store events (the database, the
 * routes), and the CRM's state is reported apart, under {@code /q/health/well}.
 */
@QuarkusTest
class HealthEndpointsTest {

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndChecksTheDatabaseButNotTheCrm() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "camel-routes"))
                .body("checks.name", not(hasItem("crm-connections")))
                .body("checks.name", not(hasItem("crm-polls")));
    }

    @Test
    void theCrmConnectionsAndPollsAreWellnessChecks() {
        given().get("/q/health/well").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("crm-connections", "crm-polls"));
    }

    @Test
    void startedIsUp() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
