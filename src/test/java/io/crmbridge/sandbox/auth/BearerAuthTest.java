package io.crmbridge.sandbox.auth;

import static io.crmbridge.sandbox.SandboxClient.STATIC_TOKEN;
import static io.crmbridge.sandbox.SandboxClient.TOKEN_PATH;
import static io.crmbridge.sandbox.SandboxClient.newRefreshToken;
import static io.crmbridge.sandbox.SandboxClient.refreshGrant;
import static io.crmbridge.sandbox.SandboxClient.withToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.PlatformProbeResource;
import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every CRM call needs a valid bearer token; 401 with HubSpot's categories otherwise. */
@QuarkusTest
class BearerAuthTest {

    private static final String PROBE = PlatformProbeResource.BASE + "/7";
    private static final String CONTROL = SandboxPaths.CONTROL + "/oauth";

    @AfterEach
    void restoreLifetime() {
        given().contentType(ContentType.JSON).body("{\"accessTokenLifetimeSeconds\":1800}")
                .put(CONTROL + "/settings").then().statusCode(200);
    }

    @Test
    void anObjectTheTokenHasNoScopeForIs403MissingScopesWhileOtherObjectsAnswer() {
        try {
            given().contentType(ContentType.JSON).body("{\"deniedObjectTypes\":[\"tasks\"]}")
                    .put(SandboxPaths.CONTROL + "/scopes").then().statusCode(200);
            withToken(STATIC_TOKEN).get("/sandbox/hubspot/crm/v3/objects/tasks").then().statusCode(403)
                    .body("category", equalTo("MISSING_SCOPES"))
                    .body("errors[0].context.requiredGranularScopes[0]", equalTo("crm.objects.tasks.read"));
            withToken(STATIC_TOKEN).contentType(ContentType.JSON).body("{\"properties\":{\"hs_task_subject\":\"x\"}}")
                    .post("/sandbox/hubspot/crm/v3/objects/tasks").then().statusCode(403)
                    .body("errors[0].context.requiredGranularScopes[0]", equalTo("crm.objects.tasks.write"));
            withToken(STATIC_TOKEN).get("/sandbox/hubspot/crm/v3/objects/contacts").then().statusCode(200);
        } finally {
            given().delete(SandboxPaths.CONTROL + "/scopes").then().statusCode(200);
        }
        withToken(STATIC_TOKEN).get("/sandbox/hubspot/crm/v3/objects/tasks").then().statusCode(200);
    }

    @Test
    void staticPrivateAppTokenIsAccepted() {
        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(200);
    }

    @Test
    void missingTokenIs401InvalidAuthentication() {
        given().get(PROBE).then()
                .statusCode(401)
                .header("X-HubSpot-Auth-Failure", "401 Unauthorized")
                .body("status", equalTo("error"))
                .body("category", equalTo("INVALID_AUTHENTICATION"))
                .body("correlationId", notNullValue())
                .body("message", matchesPattern("Authentication credentials not found.*"));
    }

    @Test
    void unknownTokenAndOtherSchemesAre401() {
        withToken("made-up").get(PROBE).then().statusCode(401).body("category", equalTo("INVALID_AUTHENTICATION"));
        given().header("Authorization", "Basic c2FuZGJveDpzYW5kYm94").get(PROBE).then().statusCode(401);
        given().header("Authorization", "Bearer ").get(PROBE).then().statusCode(401);
    }

    @Test
    void expiredAccessTokenIs401ExpiredAuthentication() {
        given().contentType(ContentType.JSON).body("{\"accessTokenLifetimeSeconds\":1}")
                .put(CONTROL + "/settings").then().statusCode(200);
        String accessToken = refreshGrant(newRefreshToken()).post(TOKEN_PATH).then().statusCode(200)
                .body("expires_in", equalTo(1))
                .extract().path("access_token");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> withToken(accessToken).get(PROBE).statusCode() == 401);

        withToken(accessToken).get(PROBE).then()
                .statusCode(401)
                .body("category", equalTo("EXPIRED_AUTHENTICATION"))
                .body("message", matchesPattern("The OAuth token used to make this call expired \\d+ second\\(s\\) ago\\."))
                .body("context", hasKey("expire time"));
    }

    @Test
    void expireAllMakesIssuedTokensExpireButNotTheStaticToken() {
        String accessToken = refreshGrant(newRefreshToken()).post(TOKEN_PATH).then().statusCode(200)
                .extract().path("access_token");
        withToken(accessToken).get(PROBE).then().statusCode(200);

        given().post(CONTROL + "/access-tokens/expire").then().statusCode(200).body("expired", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        withToken(accessToken).get(PROBE).then().statusCode(401).body("category", equalTo("EXPIRED_AUTHENTICATION"))
                .body("message", equalTo("The OAuth token used to make this call expired 0 second(s) ago."));
        withToken(STATIC_TOKEN).get(PROBE).then().statusCode(200);
    }

    @Test
    void revokedAccessTokenIs401() {
        String accessToken = refreshGrant(newRefreshToken()).post(TOKEN_PATH).then().statusCode(200)
                .extract().path("access_token");
        given().delete(CONTROL + "/access-tokens/" + accessToken).then().statusCode(204);

        withToken(accessToken).get(PROBE).then().statusCode(401)
                .body("category", equalTo("INVALID_AUTHENTICATION"))
                .body("message", equalTo("The OAuth token used to make this call has been revoked."));
    }

    @Test
    void controlAndOAuthEndpointsNeedNoBearerToken() {
        given().get(CONTROL + "/settings").then().statusCode(200);
        given().get(SandboxPaths.HUBSPOT + "/oauth/v1/refresh-tokens/sandbox-refresh").then().statusCode(200);
    }
}
