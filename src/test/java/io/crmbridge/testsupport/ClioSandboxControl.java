package io.crmbridge.testsupport;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.sandbox.clio.ClioPaths;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The Clio sandbox's control endpoints ({@code /sandbox/clio/_sandbox/...}) and its OAuth flow, for tests: the
 * Clio counterpart of {@link SandboxControl}. Client id/secret, code and refresh token are the configured defaults.
 */
public final class ClioSandboxControl {

    public static final String CLIENT_ID = "clio-sandbox";
    public static final String CLIENT_SECRET = "clio-sandbox-secret";
    public static final String CODE = "clio-sandbox-code";
    public static final String REFRESH_TOKEN = "clio-sandbox-refresh";
    /** The documented host's API base ({@code https://app.clio.com/api/v4}). */
    public static final String API = ClioPaths.CLIO + "/api/v4";
    public static final String TOKEN_PATH = ClioPaths.CLIO + "/oauth/token";

    private ClioSandboxControl() {
    }

    /** The API base on a region host: {@code eu.app} gives {@code /sandbox/clio/eu.app/api/v4}. */
    public static String api(String region) {
        return ClioPaths.CLIO + "/" + region + "/api/v4";
    }

    /** A control endpoint request (JSON, no token), relative to {@code /sandbox/clio/_sandbox}. */
    public static RequestSpecification control() {
        return given().contentType(ContentType.JSON).basePath(ClioPaths.CONTROL);
    }

    /** Everything back to start-up: records, tokens, codes, rate limit, faults, counters, lying switch. */
    public static void reset() {
        control().post("/reset").then().statusCode(204);
    }

    // --- OAuth ---

    /** The token endpoint's answer to a grant, as JSON (status unchecked). */
    public static io.restassured.response.Response tokenRequest(Map<String, String> form) {
        return given().contentType(ContentType.URLENC).formParams(form).post(TOKEN_PATH);
    }

    /** Exchanges a fresh authorization code: the answer has access_token, refresh_token, expires_in. */
    public static JsonPath authorize() {
        String code = issueCode();
        return tokenRequest(Map.of("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET)).then().statusCode(200).extract().jsonPath();
    }

    /** A live access token through the authorization-code flow. */
    public static String accessToken() {
        return authorize().getString("access_token");
    }

    public static io.restassured.response.Response refresh(String refreshToken) {
        return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET));
    }

    public static String issueCode() {
        return control().body(Map.of()).post("/oauth/codes").then().statusCode(201).extract().path("code");
    }

    public static void accessTokenLifetime(int seconds) {
        control().body(Map.of("accessTokenLifetimeSeconds", seconds)).put("/oauth/settings").then().statusCode(200);
    }

    public static void rotateRefreshTokens(boolean rotate) {
        control().body(Map.of("rotateRefreshTokens", rotate)).put("/oauth/settings").then().statusCode(200);
    }

    public static void expireAccessTokens() {
        control().post("/oauth/access-tokens/expire").then().statusCode(200);
    }

    // --- knobs ---

    public static void rateLimit(int maxRequests, long windowMillis) {
        control().body(Map.of("maxRequests", maxRequests, "windowMillis", windowMillis)).put("/rate-limit")
                .then().statusCode(200);
    }

    /** How long Clio's list queries lag writes (zero: consistent); a reset returns to the configured lag. */
    public static void listLag(java.time.Duration lag) {
        control().body(Map.of("lagMillis", lag.toMillis())).put("/list-lag").then().statusCode(200);
    }

    /** An account that refuses these orders and lacks these fields ({@code contacts.title}) in its listings. */
    public static void account(List<String> refusedOrders, List<String> missingFields) {
        control().body(Map.of("refusedOrders", refusedOrders, "missingFields", missingFields)).put("/account").then()
                .statusCode(200);
    }

    public static void resetRateLimit() {
        control().delete("/rate-limit").then().statusCode(200);
    }

    /** One fault rule over Clio host paths ({@code /app/api/v4/contacts.json}): statuses with probability errorRate. */
    public static void fault(String method, String pathPattern, double errorRate, List<Integer> statuses) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("method", method);
        rule.put("pathPattern", pathPattern);
        rule.put("errorRate", errorRate);
        rule.put("statuses", statuses);
        control().body(Map.of("seed", 7, "rules", List.of(rule))).put("/faults").then().statusCode(200);
    }

    public static void clearFaults() {
        control().delete("/faults").then().statusCode(200);
    }

    public static void resetCounters() {
        control().delete("/counters").then().statusCode(200);
    }

    /** How many calls to the Clio host path template (e.g. {@code /app/api/v4/contacts/{id}.json}) got that status. */
    public static long served(String method, String pathTemplate, int status) {
        List<Map<String, Object>> counters = control().get("/counters").then().statusCode(200).extract().path("counters");
        return counters.stream()
                .filter(c -> method.equals(c.get("method")) && pathTemplate.equals(c.get("path"))
                        && Integer.valueOf(status).equals(c.get("status")))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    /** The lying switch: the documented host fails, contacts' title arrives as an object. */
    public static void lying(boolean on) {
        control().body(Map.of("enabled", on)).put("/lying").then().statusCode(200);
    }

    /** A person edits a record in Clio's web app; answers the record's new etag. */
    public static String humanEdit(String resource, long id, Map<String, Object> data) {
        return control().body(Map.of("resource", resource, "id", id, "data", data)).post("/human-edit")
                .then().statusCode(200).extract().path("etag");
    }

    /** Creates {@code count} plain contacts (or matters with their clients) at once; answers the last id. */
    public static long seed(String resource, int count) {
        return control().body(Map.of("resource", resource, "count", count)).post("/seed").then().statusCode(200)
                .extract().jsonPath().getLong("lastId");
    }

    // --- API ---

    /** A request to Clio's API with a bearer token, JSON body. */
    public static RequestSpecification withToken(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }
}
