package io.crmbridge.sandbox.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The server-side check: requests that reach the sandbox's HubSpot paths are validated whoever sends them (here a
 * plain RestAssured client without the contract filter, as the bridge's routes would be), violations are recorded,
 * and the request is still handled with its body intact.
 */
@QuarkusTest
class SandboxContractRecorderTest {

    private static final String OBJECTS = SandboxContract.BASE_PATH + "/crm/v3/objects";

    @Inject
    SandboxContractRecorder recorder;

    @BeforeEach
    @AfterEach
    void clear() {
        recorder.clear();
    }

    @Test
    void invalidSearchBodyIsRecorded() {
        given().header("Authorization", "Bearer " + SandboxContract.STATIC_TOKEN).contentType("application/json")
                .body("{\"filterGroups\":[],\"limit\":\"ten\"}")
                .post(OBJECTS + "/contacts/search");

        assertThat(recorder.violations()).singleElement().satisfies(v -> {
            assertThat(v.method()).isEqualTo("POST");
            assertThat(v.path()).isEqualTo(OBJECTS + "/contacts/search");
            assertThat(v.errors()).singleElement().asString().contains("/limit");
        });
    }

    @Test
    void unknownPathAndMissingTokenAreRecorded() {
        given().header("Authorization", "Bearer " + SandboxContract.STATIC_TOKEN).get(SandboxContract.BASE_PATH + "/crm/v3/nothing/here");
        given().get(OBJECTS + "/contacts");

        assertThat(recorder.violations()).extracting(v -> v.errors().get(0))
                .anySatisfy(e -> assertThat(e).startsWith("validation.request.path.missing"))
                .anySatisfy(e -> assertThat(e).startsWith("validation.request.security.missing"));
    }

    @Test
    void validRequestIsCountedButNotRecorded() {
        long before = recorder.validatedCount();

        given().header("Authorization", "Bearer " + SandboxContract.STATIC_TOKEN).queryParam("limit", 1).get(OBJECTS + "/contacts");

        assertThat(recorder.validatedCount()).isEqualTo(before + 1);
        assertThat(recorder.violations()).isEmpty();
    }

    @Test
    void controlEndpointsAndOtherPathsAreNotValidated() {
        long before = recorder.validatedCount();

        given().get(SandboxContract.BASE_PATH + "/_sandbox/nothing-here");
        given().get("/q/health");

        assertThat(recorder.validatedCount()).isEqualTo(before);
        assertThat(recorder.violations()).isEmpty();
    }
}
