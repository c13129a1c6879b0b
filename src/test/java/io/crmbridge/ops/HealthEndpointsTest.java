package io.crmbridge.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The Kubernetes probes answer, and readiness includes the database. */
@QuarkusTest
class HealthEndpointsTest {

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndChecksTheDatabase() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void startedIsUp() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
