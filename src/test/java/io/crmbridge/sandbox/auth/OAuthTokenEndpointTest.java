package io.crmbridge.sandbox.auth;

import static io.crmbridge.sandbox.SandboxClient.TOKEN_PATH;
import static io.crmbridge.sandbox.SandboxClient.newRefreshToken;
import static io.crmbridge.sandbox.SandboxClient.refreshGrant;
import static io.crmbridge.sandbox.SandboxClient.withToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.sandbox.PlatformProbeResource;
import io.crmbridge.sandbox.SandboxPaths;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** HubSpot's OAuth v1 token endpoint: both grants, every refusal, revocation, rotation and token information. */
@QuarkusTest
class OAuthTokenEndpointTest {

    private static final String PROBE = PlatformProbeResource.BASE + "/1";
    private static final String CONTROL = SandboxPaths.CONTROL + "/oauth";

    @AfterEach
    void restoreSettings() {
        given().contentType(ContentType.JSON).body("{\"accessTokenLifetimeSeconds\":1800,\"rotateRefreshTokens\":false}")
                .put(CONTROL + "/settings").then().statusCode(200);
    }

    @Test
    void refreshGrantWithTheDefaultCredentialsIssuesAWorkingAccessToken() {
        String accessToken = refreshGrant("sandbox-refresh").post(TOKEN_PATH).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("token_type", equalTo("bearer"))
                .body("refresh_token", equalTo("sandbox-refresh"))
                .body("expires_in", equalTo(1800))
                .body("token_use", equalTo("access_token"))
                .body("hub_id", notNullValue())
                .body("scopes", hasItem("crm.objects.contacts.read"))
                .extract().path("access_token");

        withToken(accessToken).get(PROBE).then().statusCode(200).body("id", equalTo("1"));
    }

    @Test
    void clientCredentialsGrantIssuesATokenWithoutRefreshToken() {
        String accessToken = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "sandbox")
                .formParam("client_secret", "sandbox-secret")
                .formParam("scope", "crm.objects.owners.read crm.objects.contacts.read")
                .post(TOKEN_PATH).then()
                .statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("refresh_token", nullValue())
                .body("token_use", equalTo("client_credentials"))
                .body("expires_in", equalTo(1800))
                .body("scopes", equalTo(java.util.List.of("crm.objects.owners.read", "crm.objects.contacts.read")))
                .extract().path("access_token");

        withToken(accessToken).get(PROBE).then().statusCode(200);
    }

    @Test
    void wrongSecretIsRefusedWithHubSpotsErrorBody() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token")
                .formParam("client_id", "sandbox")
                .formParam("client_secret", "not-the-secret")
                .formParam("refresh_token", "sandbox-refresh")
                .post(TOKEN_PATH).then()
                .statusCode(400)
                .body("status", equalTo("BAD_CLIENT_SECRET"))
                .body("error", equalTo("invalid_client"))
                .body("correlationId", notNullValue())
                .body("category", notNullValue())
                .body("message", notNullValue());
    }

    @Test
    void wrongClientIdIsRefused() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "someone-else")
                .formParam("client_secret", "sandbox-secret")
                .post(TOKEN_PATH).then()
                .statusCode(400)
                .body("status", equalTo("BAD_CLIENT_ID"));
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        refreshGrant("never-issued").post(TOKEN_PATH).then()
                .statusCode(400)
                .body("status", equalTo("BAD_REFRESH_TOKEN"))
                .body("error", equalTo("invalid_grant"))
                .body("message", equalTo("missing or invalid refresh token"));
    }

    @Test
    void unsupportedGrantTypeIsRefused() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code")
                .formParam("client_id", "sandbox")
                .formParam("client_secret", "sandbox-secret")
                .formParam("code", "abc")
                .post(TOKEN_PATH).then()
                .statusCode(400)
                .body("status", equalTo("BAD_GRANT_TYPE"))
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void refreshTokenRevokedThroughHubSpotsDeleteIsRefusedAndItsAccessTokensStopWorking() {
        String refreshToken = newRefreshToken();
        String accessToken = refreshGrant(refreshToken).post(TOKEN_PATH).then().statusCode(200)
                .extract().path("access_token");
        withToken(accessToken).get(PROBE).then().statusCode(200);

        given().delete(SandboxPaths.HUBSPOT + "/oauth/v1/refresh-tokens/" + refreshToken).then().statusCode(204);

        refreshGrant(refreshToken).post(TOKEN_PATH).then().statusCode(400).body("status", equalTo("BAD_REFRESH_TOKEN"));
        withToken(accessToken).get(PROBE).then().statusCode(401).body("category", equalTo("INVALID_AUTHENTICATION"));
        given().delete(SandboxPaths.HUBSPOT + "/oauth/v1/refresh-tokens/" + refreshToken).then().statusCode(404);
    }

    @Test
    void controlEndpointsRevokeAndReissueARefreshToken() {
        String refreshToken = newRefreshToken();
        given().delete(CONTROL + "/refresh-tokens/" + refreshToken).then().statusCode(204);
        refreshGrant(refreshToken).post(TOKEN_PATH).then().statusCode(400);

        // "New credentials": the same token made valid again.
        given().contentType(ContentType.JSON).body("{\"token\":\"" + refreshToken + "\"}")
                .post(CONTROL + "/refresh-tokens").then().statusCode(201).body("token", equalTo(refreshToken));
        refreshGrant(refreshToken).post(TOKEN_PATH).then().statusCode(200);

        given().delete(CONTROL + "/refresh-tokens/unknown-token").then().statusCode(404);
    }

    @Test
    void rotationIssuesANewRefreshTokenAndRetiresTheUsedOne() {
        given().contentType(ContentType.JSON).body("{\"rotateRefreshTokens\":true}")
                .put(CONTROL + "/settings").then().statusCode(200).body("rotateRefreshTokens", equalTo(true));
        String first = newRefreshToken();

        String second = refreshGrant(first).post(TOKEN_PATH).then().statusCode(200)
                .body("refresh_token", not(equalTo(first)))
                .extract().path("refresh_token");

        refreshGrant(first).post(TOKEN_PATH).then().statusCode(400).body("status", equalTo("BAD_REFRESH_TOKEN"));
        String third = refreshGrant(second).post(TOKEN_PATH).then().statusCode(200).extract().path("refresh_token");
        assertThat(third).isNotIn(first, second);
    }

    @Test
    void withoutRotationTheSameRefreshTokenKeepsWorking() {
        String refreshToken = newRefreshToken();
        refreshGrant(refreshToken).post(TOKEN_PATH).then().statusCode(200).body("refresh_token", equalTo(refreshToken));
        refreshGrant(refreshToken).post(TOKEN_PATH).then().statusCode(200).body("refresh_token", equalTo(refreshToken));
    }

    @Test
    void tokenInformationEndpointsDescribeLiveTokens() {
        String refreshToken = newRefreshToken();
        String accessToken = refreshGrant(refreshToken).post(TOKEN_PATH).then().statusCode(200)
                .extract().path("access_token");

        given().get(SandboxPaths.HUBSPOT + "/oauth/v1/access-tokens/" + accessToken).then()
                .statusCode(200)
                .body("token", equalTo(accessToken))
                .body("token_type", equalTo("access"))
                .body("hub_id", notNullValue())
                .body("expires_in", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(1700))
                        .and(org.hamcrest.Matchers.lessThanOrEqualTo(1800)));
        given().get(SandboxPaths.HUBSPOT + "/oauth/v1/refresh-tokens/" + refreshToken).then()
                .statusCode(200)
                .body("token", equalTo(refreshToken))
                .body("client_id", equalTo("sandbox"))
                .body("token_type", equalTo("refresh"));
        given().get(SandboxPaths.HUBSPOT + "/oauth/v1/access-tokens/nope").then()
                .statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND"));
        given().get(SandboxPaths.HUBSPOT + "/oauth/v1/refresh-tokens/nope").then().statusCode(404);
    }

    @Test
    void lifetimeChangesAtRunTimeAndInvalidValuesAreRefused() {
        given().contentType(ContentType.JSON).body("{\"accessTokenLifetimeSeconds\":42}")
                .put(CONTROL + "/settings").then().statusCode(200)
                .body("accessTokenLifetimeSeconds", equalTo(42))
                .body("rotateRefreshTokens", equalTo(false));
        refreshGrant("sandbox-refresh").post(TOKEN_PATH).then().statusCode(200).body("expires_in", equalTo(42));

        given().contentType(ContentType.JSON).body("{\"accessTokenLifetimeSeconds\":0}")
                .put(CONTROL + "/settings").then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
        given().get(CONTROL + "/settings").then().statusCode(200).body("accessTokenLifetimeSeconds", equalTo(42));
    }

    @Test
    void tokensAreNotGuessable() {
        String a = refreshGrant("sandbox-refresh").post(TOKEN_PATH).then().statusCode(200).extract().path("access_token");
        String b = refreshGrant("sandbox-refresh").post(TOKEN_PATH).then().statusCode(200).extract().path("access_token");
        assertThat(a).isNotEqualTo(b).startsWith("sbx-at-");
        assertThat(a.length()).isGreaterThan(30);
        given().get(SandboxPaths.HUBSPOT + "/oauth/v1/access-tokens/" + a).then().body("token", startsWith("sbx-at-"));
    }
}
