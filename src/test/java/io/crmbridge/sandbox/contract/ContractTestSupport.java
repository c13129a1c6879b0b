package io.crmbridge.sandbox.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.specification.RequestSpecification;

/**
 * Shared by the contract tests: a client whose every request and response is checked against the description
 * ({@link #api()}), one for requests that are invalid on purpose where only the answer is checked
 * ({@link #invalid()}), and the server-side recorder, so a test can also assert the server saw only valid requests.
 */
abstract class ContractTestSupport {

    static final String BASE = SandboxContract.BASE_PATH;
    static final String OBJECTS = BASE + "/crm/v3/objects";

    /**
     * Set as a plain header: RestAssured's {@code auth().oauth2(..)} is applied after the filters, so the contract
     * filter would not see it.
     */
    static final Header BEARER = new Header("Authorization", "Bearer " + SandboxContract.STATIC_TOKEN);

    @Inject
    SandboxContractRecorder recorder;

    @BeforeEach
    void clearRecorder() {
        recorder.clear();
    }

    /** Bearer token, JSON, request and response validated. */
    static RequestSpecification api() {
        return given().filter(SandboxContract.filter()).header(BEARER).contentType(ContentType.JSON);
    }

    /** Bearer token, JSON, only the response validated (the request is wrong on purpose). */
    static RequestSpecification invalid() {
        return given().filter(SandboxContract.responseOnlyFilter()).header(BEARER).contentType(ContentType.JSON);
    }

    /** No token at all; only the response validated. */
    static RequestSpecification anonymous() {
        return given().filter(SandboxContract.responseOnlyFilter()).contentType(ContentType.JSON);
    }

    void assertServerSawOnlyValidRequests() {
        assertThat(recorder.violations()).as("requests the sandbox received that do not validate").isEmpty();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniqueEmail() {
        return unique("contract") + "@example.com";
    }

    /** Properties each object type accepts, unique where the type has unique values. */
    static Map<String, String> sampleProperties(String objectType) {
        return switch (objectType) {
            case "contacts" -> Map.of("email", uniqueEmail(), "firstname", "Ada", "lastname", "Lovelace");
            case "companies" -> Map.of("name", unique("Company"), "domain", unique("co") + ".example.com");
            case "deals", "0-3" -> Map.of("dealname", unique("Deal"), "amount", "1200", "dealstage",
                    "appointmentscheduled", "pipeline", "default");
            case "notes" -> Map.of("hs_note_body", "Called back", "hs_timestamp", "2026-11-22T10:15:30.123Z");
            case "tasks" -> Map.of("hs_task_subject", "Follow up", "hs_task_status", "NOT_STARTED",
                    "hs_timestamp", "2026-11-22T10:15:30.123Z");
            case "tickets" -> Map.of("subject", unique("Ticket"), "content", "Printer on fire", "hs_pipeline", "0",
                    "hs_pipeline_stage", "1");
            default -> throw new IllegalArgumentException(objectType);
        };
    }

    /** Creates a record through the validated client and returns its id. */
    static String create(String objectType, Map<String, String> properties) {
        return api().body(Map.of("properties", properties))
                .post(OBJECTS + "/" + objectType)
                .then().statusCode(201)
                .extract().path("id");
    }
}
