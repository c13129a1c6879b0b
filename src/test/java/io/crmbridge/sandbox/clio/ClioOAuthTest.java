package io.crmbridge.sandbox.clio;

import static io.crmbridge.testsupport.ClioSandboxControl.API;
import static io.crmbridge.testsupport.ClioSandboxControl.CLIENT_ID;
import static io.crmbridge.testsupport.ClioSandboxControl.CODE;
import static io.crmbridge.testsupport.ClioSandboxControl.REFRESH_TOKEN;
import static io.crmbridge.testsupport.ClioSandboxControl.withToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.ClioSandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Clio's OAuth 2: authorization code once, then refresh tokens (rotating when switched on); expired tokens are 401. */
@QuarkusTest
class ClioOAuthTest {

    @BeforeEach
    @AfterEach
    void reset() {
        ClioSandboxControl.reset();
    }

    @Test
    void authorizationCodeGrantAnswersClioTokenShapeAndTheTokenOpensTheApi() {
        JsonPath token = ClioSandboxControl.tokenRequest(Map.of("grant_type", "authorization_code", "code", CODE,
                "client_id", CLIENT_ID, "client_secret", ClioSandboxControl.CLIENT_SECRET))
                .then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(2592000))
                .body("refresh_token", notNullValue())
                .extract().jsonPath();
        withToken(token.getString("access_token")).get(API + "/users.json").then().statusCode(200);
    }

    @Test
    void aCodeWorksOnceAndABadClientIsRefused() {
        Map<String, String> grant = Map.of("grant_type", "authorization_code", "code", CODE, "client_id", CLIENT_ID,
                "client_secret", ClioSandboxControl.CLIENT_SECRET);
        ClioSandboxControl.tokenRequest(grant).then().statusCode(200);
        ClioSandboxControl.tokenRequest(grant).then().statusCode(400).body("error", equalTo("invalid_grant"));
        ClioSandboxControl.tokenRequest(Map.of("grant_type", "authorization_code", "code", ClioSandboxControl.issueCode(),
                "client_id", CLIENT_ID, "client_secret", "wrong")).then().statusCode(401).body("error", equalTo("invalid_client"));
        ClioSandboxControl.tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "client_secret", ClioSandboxControl.CLIENT_SECRET)).then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void refreshWithoutRotationKeepsTheRefreshTokenAndAnswersNone() {
        String first = ClioSandboxControl.refresh(REFRESH_TOKEN).then().statusCode(200)
                .body("refresh_token", nullValue()).extract().path("access_token");
        String second = ClioSandboxControl.refresh(REFRESH_TOKEN).then().statusCode(200).extract().path("access_token");
        assertNotEquals(first, second);
        withToken(second).get(API + "/users.json").then().statusCode(200);
    }

    @Test
    void withRotationARefreshAnswersANewRefreshTokenAndTheOldOneStopsWorking() {
        ClioSandboxControl.rotateRefreshTokens(true);
        String rotated = ClioSandboxControl.refresh(REFRESH_TOKEN).then().statusCode(200)
                .body("refresh_token", not(equalTo(REFRESH_TOKEN))).extract().path("refresh_token");
        ClioSandboxControl.refresh(REFRESH_TOKEN).then().statusCode(400).body("error", equalTo("invalid_grant"));
        ClioSandboxControl.refresh(rotated).then().statusCode(200).body("refresh_token", not(equalTo(rotated)));
    }

    @Test
    void fiveSecondTokensSayFiveSecondsAndExpireTo401() {
        ClioSandboxControl.accessTokenLifetime(5);
        JsonPath token = ClioSandboxControl.authorize();
        org.junit.jupiter.api.Assertions.assertEquals(5, token.getInt("expires_in"));
        String access = token.getString("access_token");
        withToken(access).get(API + "/users.json").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> withToken(access).get(API + "/users.json").statusCode() == 401);
        withToken(access).get(API + "/users.json").then().statusCode(401)
                .body("error.type", equalTo("invalid_token"))
                .body("error.message", startsWith("The access token expired"));
        String fresh = ClioSandboxControl.refresh(token.getString("refresh_token")).then().statusCode(200)
                .extract().path("access_token");
        withToken(fresh).get(API + "/users.json").then().statusCode(200);
    }

    @Test
    void missingUnknownAndExpiredTokensAre401WithClioErrorBody() {
        given().get(API + "/contacts.json").then().statusCode(401).body("error.type", equalTo("invalid_token"));
        withToken("made-up").get(API + "/contacts.json").then().statusCode(401)
                .body("error.message", equalTo("The access token is invalid"));
        String access = ClioSandboxControl.accessToken();
        ClioSandboxControl.expireAccessTokens();
        withToken(access).get(API + "/contacts.json").then().statusCode(401)
                .body("error.message", startsWith("The access token expired"));
    }

    @Test
    void everyRegionHostHasATokenEndpoint() {
        given().contentType(io.restassured.http.ContentType.URLENC)
                .formParams(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH_TOKEN, "client_id", CLIENT_ID,
                        "client_secret", ClioSandboxControl.CLIENT_SECRET))
                .post(ClioPaths.CLIO + "/eu.app/oauth/token").then().statusCode(200).body("access_token", notNullValue());
        given().contentType(io.restassured.http.ContentType.URLENC).formParams(Map.of("grant_type", "refresh_token"))
                .post(ClioPaths.CLIO + "/nowhere/oauth/token").then().statusCode(404);
    }
}
