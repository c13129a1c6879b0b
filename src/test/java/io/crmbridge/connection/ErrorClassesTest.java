package io.crmbridge.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.crm.CrmCallException;
import io.crmbridge.testsupport.Crm;
import io.crmbridge.testsupport.SandboxControl;
import io.crmbridge.testsupport.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each error class of docs/architecture.md, "Error classes", ends where it should, with the CRM's answer recorded. */
@QuarkusTest
class ErrorClassesTest {

    static final String COMPANIES = "^/crm/v3/objects/companies$";

    @Inject
    ProducerTemplate producer;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        SandboxControl.clearFaults();
    }

    @Test
    void anEnumTheFieldMapForbidsGoesToReviewWithoutACall() throws Exception {
        String email = "enum-" + UUID.randomUUID() + "@errors.example";
        Map<String, Object> contact = new HashMap<>(Crm.contact(email));
        contact.put("lifecyclestage", "not-a-stage");
        assertThatThrownBy(() -> producer.requestBody("direct:crm-contact-create", contact))
                .hasRootCauseInstanceOf(CrmCallException.Review.class);
        Map<String, Object> review = row("SELECT * FROM review_item WHERE payload LIKE ?", "%" + email + "%");
        assertThat(review.get("response_body").toString()).contains("lifecyclestage");
        assertThat(contactExists(email)).isFalse();
    }

    @Test
    void aPropertyTheCrmRejectsGoesToReviewWithItsAnswer() throws Exception {
        String name = "Unknown prop " + UUID.randomUUID();
        assertThatThrownBy(() -> producer.requestBody("direct:crm-company-create",
                Map.of("name", name, "no_such_property", "x"))).hasRootCauseInstanceOf(CrmCallException.Review.class);
        Map<String, Object> review = row("SELECT * FROM review_item WHERE payload LIKE ?", "%" + name + "%");
        assertThat(review.get("response_status")).isEqualTo(400);
        assertThat(review.get("response_body").toString()).contains("no_such_property");
    }

    @Test
    void aDuplicateContactGoesToReviewWithTheConflict() throws Exception {
        String email = "dup-" + UUID.randomUUID() + "@errors.example";
        producer.requestBody("direct:crm-contact-create", Crm.contact(email));
        assertThatThrownBy(() -> producer.requestBody("direct:crm-contact-create", Crm.contact(email)))
                .hasRootCauseInstanceOf(CrmCallException.Review.class);
        Map<String, Object> review = row("SELECT * FROM review_item WHERE payload LIKE ?", "%" + email + "%");
        assertThat(review.get("response_status")).isEqualTo(409);
        assertThat(review.get("response_body").toString()).contains("already exists");
    }

    @Test
    void persistent5xxIsRetriedWithBackoffThenDeadLettered() throws Exception {
        String name = "Always 503 " + UUID.randomUUID();
        SandboxControl.fault("POST", COMPANIES, 1.0, List.of(503));
        assertThatThrownBy(() -> producer.requestBody("direct:crm-company-create", Map.of("name", name)))
                .hasRootCauseInstanceOf(CrmCallException.Retryable.class);
        Map<String, Object> dead = row("SELECT * FROM dead_letter WHERE payload LIKE ?", "%" + name + "%");
        assertThat(dead.get("attempts")).as("the first try and four redeliveries").isEqualTo(5);
        assertThat(dead.get("response_status")).isEqualTo(503);
        assertThat(dead.get("response_body").toString()).isNotBlank();
        assertThat(dead.get("route_id")).isEqualTo("crm-company-create");
    }

    @Test
    void anAnswerTheConnectorDoesNotUnderstandIsDeadLetteredAtOnce() throws Exception {
        String name = "Teapot " + UUID.randomUUID();
        SandboxControl.fault("POST", COMPANIES, 1.0, List.of(418));
        assertThatThrownBy(() -> producer.requestBody("direct:crm-company-create", Map.of("name", name)))
                .hasRootCauseInstanceOf(CrmCallException.Unknown.class);
        Map<String, Object> dead = row("SELECT * FROM dead_letter WHERE payload LIKE ?", "%" + name + "%");
        assertThat(dead.get("attempts")).isEqualTo(1);
        assertThat(dead.get("response_status")).isEqualTo(418);
        assertThat(dead.get("error_class").toString()).endsWith("CrmCallException$Unknown");
    }

    @Test
    void aScopeMissingForOneObjectFailsThatCallAndTheConnectionGoesOn() throws Exception {
        String name = "No scope " + UUID.randomUUID();
        SandboxControl.control().body(Map.of("deniedObjectTypes", List.of("companies"))).put("/scopes").then()
                .statusCode(200);
        try {
            assertThatThrownBy(() -> producer.requestBody("direct:crm-company-create", Map.of("name", name)))
                    .hasRootCauseInstanceOf(CrmCallException.Review.class);
            given().header("Authorization", "Bearer test-admin-token").get("/admin/connections/hubspot").then()
                    .body("state", equalTo("ACTIVE"));
            assertThat(row("SELECT * FROM review_item WHERE payload LIKE ?", "%" + name + "%").get("response_status"))
                    .isEqualTo(403);
            String email = "scoped-" + UUID.randomUUID() + "@errors.example";
            assertThat(producer.requestBody("direct:crm-contact-create", Crm.contact(email)))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("id");
        } finally {
            SandboxControl.control().delete("/scopes").then().statusCode(200);
        }
    }

    @Test
    void aMissingScopeStopsTheConnectionAlertsAndLaterWritesFailFastUntilNewCredentials() throws Exception {
        String name = "Forbidden " + UUID.randomUUID();
        SandboxControl.fault("POST", COMPANIES, 1.0, List.of(403));
        assertThatThrownBy(() -> producer.requestBody("direct:crm-company-create", Map.of("name", name)))
                .hasRootCauseInstanceOf(CrmCallException.Operator.class);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("Authorization", "Bearer test-admin-token")
                .get("/admin/connections/hubspot").then().body("state", equalTo("NEEDS_REAUTH")));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/well").then().statusCode(503);
        assertThat(row("SELECT * FROM operator_alert WHERE code = 'CONNECTION_NEEDS_REAUTH' AND cleared_at IS NULL", null)
                .get("message").toString()).contains("403");
        // while the connection waits for an operator, a call fails at once (its caller comes back later) instead of
        // parking a thread: an event goes back to the queue (QueueFaultsTest)
        SandboxControl.clearFaults();
        // a parked call would never come back on its own (nobody gives new credentials while it waits)
        CompletableFuture<Object> call = CompletableFuture
                .supplyAsync(() -> producer.requestBody("direct:crm-company-create", Map.of("name", name)));
        await().atMost(Duration.ofSeconds(60)).until(call::isDone);
        assertThatThrownBy(call::join).hasRootCauseInstanceOf(NeedsReauthException.class);

        given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON).body("{}")
                .post("/admin/connections/hubspot/credentials").then().statusCode(200);
        assertThat(producer.requestBody("direct:crm-company-create", Map.of("name", name)))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("id");
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/well").then().statusCode(200);
    }

    private boolean contactExists(String email) {
        return given().header("Authorization", "Bearer sandbox-token")
                .get("/sandbox/hubspot/crm/v3/objects/contacts/" + email + "?idProperty=email").statusCode() == 200;
    }

    /** The newest row the query finds (awaited: the error channels write asynchronously to the caller's failure). */
    private Map<String, Object> row(String sql, String param) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> query(sql, param), r -> !r.isEmpty());
    }

    private Map<String, Object> query(String sql, String param) throws Exception {
        List<Map<String, Object>> rows = param == null ? TestDb.query(dataSource, sql + " ORDER BY 1 DESC LIMIT 1")
                : TestDb.query(dataSource, sql + " ORDER BY 1 DESC LIMIT 1", param);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }
}
