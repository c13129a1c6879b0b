package io.crmbridge.sandbox.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * OAuth v1, bearer auth (401), rate limits (429), injected faults (5xx) and owners v3, held to the description.
 * Rate limit and faults are changed through the control endpoints and restored in the same test.
 */
@QuarkusTest
class PlatformContractTest extends ContractTestSupport {

    private static final String OAUTH = BASE + "/oauth/v1";
    private static final String CONTROL = BASE + "/_sandbox";

    // ---------------------------------------------------------------- OAuth v1

    @Test
    void refreshGrantThenTokenInfoThenUseTheToken() {
        String access = form().formParam("grant_type", "refresh_token").formParam("client_id", "sandbox")
                .formParam("client_secret", "sandbox-secret").formParam("refresh_token", "sandbox-refresh")
                .post(OAUTH + "/token")
                .then().statusCode(200).body("token_use", equalTo("access_token")).body("refresh_token", notNullValue())
                .extract().path("access_token");

        given().filter(SandboxContract.filter()).get(OAUTH + "/access-tokens/" + access)
                .then().statusCode(200).body("token", equalTo(access));
        given().filter(SandboxContract.filter()).get(OAUTH + "/refresh-tokens/sandbox-refresh")
                .then().statusCode(200).body("client_id", equalTo("sandbox"));

        given().filter(SandboxContract.filter()).header("Authorization", "Bearer " + access)
                .get(BASE + "/crm/v3/objects/contacts")
                .then().statusCode(200);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void clientCredentialsGrant() {
        form().formParam("grant_type", "client_credentials").formParam("client_id", "sandbox")
                .formParam("client_secret", "sandbox-secret")
                .post(OAUTH + "/token")
                .then().statusCode(200).body("token_use", equalTo("client_credentials"));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void revokedRefreshTokenIsGone() {
        String refresh = given().contentType(ContentType.JSON).body(Map.of())
                .post(CONTROL + "/oauth/refresh-tokens")
                .then().statusCode(201).extract().path("token");

        given().filter(SandboxContract.filter()).delete(OAUTH + "/refresh-tokens/" + refresh).then().statusCode(204);
        given().filter(SandboxContract.filter()).get(OAUTH + "/refresh-tokens/" + refresh).then().statusCode(404);
        given().filter(SandboxContract.filter()).delete(OAUTH + "/refresh-tokens/" + refresh).then().statusCode(404);
        form().formParam("grant_type", "refresh_token").formParam("client_id", "sandbox")
                .formParam("client_secret", "sandbox-secret").formParam("refresh_token", refresh)
                .post(OAUTH + "/token")
                .then().statusCode(400).body("status", equalTo("BAD_REFRESH_TOKEN"));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void badClientSecretIs400() {
        form().formParam("grant_type", "refresh_token").formParam("client_id", "sandbox")
                .formParam("client_secret", "wrong").formParam("refresh_token", "sandbox-refresh")
                .post(OAUTH + "/token")
                .then().statusCode(400).body("status", equalTo("BAD_CLIENT_SECRET"));
    }

    @Test
    void unknownAccessTokenInfoIs404() {
        given().filter(SandboxContract.filter()).get(OAUTH + "/access-tokens/no-such-token").then().statusCode(404);
    }

    // ---------------------------------------------------------------- 401

    @Test
    void unknownTokenIs401() {
        given().filter(SandboxContract.filter()).header("Authorization", "Bearer no-such-token")
                .get(OBJECTS + "/contacts")
                .then().statusCode(401).body("category", equalTo("INVALID_AUTHENTICATION"));
    }

    @Test
    void missingTokenIs401() {
        anonymous().body(Map.of("filterGroups", List.of()))
                .post(OBJECTS + "/contacts/search")
                .then().statusCode(401);
        anonymous().get(BASE + "/crm/v3/owners").then().statusCode(401);
    }

    // ---------------------------------------------------------------- 429 and 5xx

    @Test
    void rateLimitAnswers429() {
        String token = "Bearer " + issueAccessToken();
        given().contentType(ContentType.JSON).body(Map.of("maxRequests", 2)).put(CONTROL + "/rate-limit")
                .then().statusCode(200);
        try {
            RequestSpecification limited = given().filter(SandboxContract.filter()).header("Authorization", token);
            limited.get(OBJECTS + "/contacts").then().statusCode(200);
            limited.get(OBJECTS + "/contacts").then().statusCode(200);
            given().filter(SandboxContract.filter()).header("Authorization", token).get(OBJECTS + "/contacts")
                    .then().statusCode(429).body("category", equalTo("RATE_LIMITS"))
                    .body("policyName", equalTo("TEN_SECONDLY_ROLLING"));
        } finally {
            given().delete(CONTROL + "/rate-limit").then().statusCode(200);
        }
        assertServerSawOnlyValidRequests();
    }

    @Test
    void injectedFaultsAnswer5xx() {
        given().contentType(ContentType.JSON).body(Map.of("rules", List.of(
                Map.of("method", "GET", "pathPattern", "/crm/v3/owners", "failNext", 3, "statuses", List.of(503)),
                Map.of("method", "POST", "pathPattern", "/crm/v3/objects/contacts/search", "failNext", 1,
                        "statuses", List.of(500)))))
                .put(CONTROL + "/faults")
                .then().statusCode(200);
        try {
            api().get(BASE + "/crm/v3/owners").then().statusCode(503);
            api().body(Map.of("filterGroups", List.of())).post(OBJECTS + "/contacts/search").then().statusCode(500);
        } finally {
            given().delete(CONTROL + "/faults").then().statusCode(200);
        }
        assertServerSawOnlyValidRequests();
    }

    // ---------------------------------------------------------------- owners v3

    @Test
    void ownersListFilterAndRead() {
        String email = uniqueEmail();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Olive", "lastName", "Owner",
                        "teams", List.of(Map.of("id", "1", "name", "Sales", "primary", true))))
                .post(CONTROL + "/owners")
                .then().statusCode(201).extract().path("id");

        api().queryParam("limit", 1).get(BASE + "/crm/v3/owners").then().statusCode(200);
        api().queryParam("email", email).get(BASE + "/crm/v3/owners")
                .then().statusCode(200).body("results[0].id", equalTo(id));
        api().get(BASE + "/crm/v3/owners/" + id).then().statusCode(200).body("email", equalTo(email));
        Integer userId = api().get(BASE + "/crm/v3/owners/" + id).then().extract().path("userId");
        if (userId != null) {
            api().queryParam("idProperty", "userId").get(BASE + "/crm/v3/owners/" + userId)
                    .then().statusCode(200).body("id", equalTo(id));
        }
        api().get(BASE + "/crm/v3/owners/999999").then().statusCode(404);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void ownersPageWithAfter() {
        String after = api().queryParam("limit", 1).get(BASE + "/crm/v3/owners")
                .then().statusCode(200).extract().path("paging.next.after");
        assertThat(after).as("the sandbox starts with more than one owner").isNotBlank();
        api().queryParam("limit", 1).queryParam("after", after).get(BASE + "/crm/v3/owners").then().statusCode(200);
        assertServerSawOnlyValidRequests();
    }

    // ---------------------------------------------------------------- helpers

    private static RequestSpecification form() {
        return given().filter(SandboxContract.filter()).contentType(ContentType.URLENC);
    }

    private static String issueAccessToken() {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "sandbox").formParam("client_secret", "sandbox-secret")
                .post(OAUTH + "/token").then().statusCode(200).extract().path("access_token");
    }

}
