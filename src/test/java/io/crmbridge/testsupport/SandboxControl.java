package io.crmbridge.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.crmbridge.sandbox.SandboxClient;
import io.crmbridge.sandbox.SandboxPaths;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The CRM sandbox's control endpoints ({@code /sandbox/hubspot/_sandbox/...}) and a few API reads, for tests. */
public final class SandboxControl {

    private SandboxControl() {
    }

    /** A control endpoint request (JSON, no token), relative to {@code /sandbox/hubspot/_sandbox}. */
    public static RequestSpecification control() {
        return given().contentType(ContentType.JSON).basePath(SandboxPaths.CONTROL);
    }

    public static void accessTokenLifetime(int seconds) {
        control().body(Map.of("accessTokenLifetimeSeconds", seconds)).put("/oauth/settings").then().statusCode(200);
    }

    public static void expireAccessTokens() {
        control().post("/oauth/access-tokens/expire").then().statusCode(200);
    }

    public static void revokeRefreshToken(String token) {
        control().delete("/oauth/refresh-tokens/" + token).then().statusCode(204);
    }

    public static void issueRefreshToken(String token) {
        control().body(Map.of("token", token)).post("/oauth/refresh-tokens").then().statusCode(201);
    }

    public static void resetOAuth() {
        control().post("/oauth/reset").then().statusCode(200);
    }

    public static void rateLimit(int maxRequests, long windowMillis) {
        control().body(Map.of("maxRequests", maxRequests, "windowMillis", windowMillis)).put("/rate-limit")
                .then().statusCode(200);
    }

    public static void resetRateLimit() {
        control().delete("/rate-limit").then().statusCode(200);
    }

    /** One fault rule: {@code statuses} answered with probability {@code errorRate} on matching paths. */
    public static void fault(String method, String pathPattern, double errorRate, List<Integer> statuses) {
        Map<String, Object> rule = new java.util.HashMap<>();
        rule.put("method", method);
        rule.put("pathPattern", pathPattern);
        rule.put("errorRate", errorRate);
        rule.put("statuses", statuses);
        control().body(Map.of("seed", 7, "rules", List.of(rule))).put("/faults").then().statusCode(200);
    }

    /** Every matching request answers normally, but only after {@code millis}. */
    public static void latency(String method, String pathPattern, long millis) {
        Map<String, Object> rule = Map.of("method", method, "pathPattern", pathPattern, "latencyMillis", millis);
        control().body(Map.of("seed", 7, "rules", List.of(rule))).put("/faults").then().statusCode(200);
    }

    /**
     * Matching requests are served (their writes commit) and then, with probability {@code rate}, lose their answer
     * as {@code modes} says: {@code "502"}, {@code "drop"}, {@code "hang"}, or several joined by {@code |}.
     */
    public static void lostResponses(String method, String pathPattern, double rate, String modes, long seed) {
        Map<String, Object> rule = new java.util.HashMap<>();
        rule.put("method", method);
        rule.put("pathPattern", pathPattern);
        rule.put("lostResponseRate", rate);
        rule.put("lostResponse", modes);
        control().body(Map.of("seed", seed, "rules", List.of(rule))).put("/faults").then().statusCode(200);
    }

    /** The next {@code count} matching requests are served and then lose their answer as {@code mode} says. */
    public static void loseNextResponses(String method, String pathPattern, int count, String mode) {
        Map<String, Object> rule = Map.of("method", method, "pathPattern", pathPattern, "failNext", count,
                "lostResponse", mode);
        control().body(Map.of("seed", 7, "rules", List.of(rule))).put("/faults").then().statusCode(200);
    }

    /** Clears every fault rule: errors, latency, hangs and lost responses. */
    public static void clearFaults() {
        control().delete("/faults").then().statusCode(200);
    }

    /** Search shows a record's new values (or a new record) only {@code lag} after its write; 0 turns it off. */
    public static void searchIndexLag(Duration lag) {
        control().body(Map.of("lagMillis", lag.toMillis())).put("/search/index-lag").then().statusCode(200);
    }

    /** Back to the configured search index lag (0 in tests). */
    public static void resetSearchIndexLag() {
        control().delete("/search/index-lag").then().statusCode(200);
    }

    /** True: the token lacks {@code crm.schemas.*.write}, so property creation answers 403 MISSING_SCOPES. */
    public static void missingSchemaScope(boolean missing) {
        control().body(Map.of("schemaWriteScope", !missing)).put("/properties/settings").then().statusCode(200);
    }

    /** The object types that accept {@code hasUniqueValue} properties (e.g. without notes, to simulate an account). */
    public static void uniqueValueObjectTypes(String... objectTypes) {
        control().body(Map.of("uniqueValueObjectTypes", List.of(objectTypes))).put("/properties/settings")
                .then().statusCode(200);
    }

    /** Forgets every custom property and restores the configured Properties API settings. */
    public static void resetProperties() {
        control().delete("/properties").then().statusCode(200);
    }

    /** Every write-failure knob back to its default: faults, search lag, properties settings and custom properties. */
    public static void resetWriteFaults() {
        clearFaults();
        resetSearchIndexLag();
        resetProperties();
    }

    public static void resetCounters() {
        control().delete("/counters").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(204)));
    }

    /** Requests the sandbox served with this status (all paths), since the last reset. */
    public static long served(int status) {
        List<Map<String, Object>> counters = control().get("/counters").then().statusCode(200)
                .extract().jsonPath().getList("counters");
        return counters.stream().filter(c -> ((Number) c.get("status")).intValue() == status)
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    /**
     * A person edits a record in the CRM (history source {@code CRM_UI}, user {@code userId}; null: the first active
     * owner's user); answers the record's new {@code updatedAt}.
     */
    public static String humanEdit(String objectType, String id, Map<String, String> properties, Integer userId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("objectType", objectType);
        body.put("id", id);
        body.put("properties", properties);
        if (userId != null) {
            body.put("userId", userId);
        }
        return control().body(body).post("/human-edit").then().statusCode(200).extract().path("updatedAt");
    }

    /** How search orders results sharing their sort value: {@code "random"} (HubSpot-like default) or {@code "id"}. */
    public static void tieOrder(String order) {
        control().body(Map.of("order", order)).put("/search/tie-order").then().statusCode(200);
    }

    /** A seeded random tie order with this seed. */
    public static void tieOrder(String order, long seed) {
        control().body(Map.of("order", order, "seed", seed)).put("/search/tie-order").then().statusCode(200);
    }

    /** Back to the configured tie order. */
    public static void resetTieOrder() {
        control().delete("/search/tie-order").then().statusCode(200);
    }

    /** Archives (deletes) a record through the CRM API, as a person or another integration would. */
    public static void archive(String objectType, String id) {
        SandboxClient.crm().delete("/crm/v3/objects/" + objectType + "/" + id).then().statusCode(204);
    }

    /**
     * A person merges contact {@code objectIdToMerge} into {@code primaryObjectId} (user {@code userId}; null: the
     * first active owner's); answers the primary's {@code hs_merged_object_ids}.
     */
    public static String merge(String primaryObjectId, String objectIdToMerge, Integer userId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("primaryObjectId", primaryObjectId);
        body.put("objectIdToMerge", objectIdToMerge);
        if (userId != null) {
            body.put("userId", userId);
        }
        return control().body(body).post("/merge").then().statusCode(200).extract()
                .path("properties.hs_merged_object_ids");
    }

    /** Contacts whose email ends with {@code @domain}, counted through the sandbox's own search API. */
    public static int contactsWithEmailDomain(String domain) {
        int total = 0;
        String after = null;
        do {
            Map<String, Object> search = new java.util.HashMap<>();
            search.put("filterGroups", List.of(Map.of("filters",
                    List.of(Map.of("propertyName", "email", "operator", "CONTAINS_TOKEN", "value", "*@" + domain)))));
            search.put("limit", 200);
            search.put("properties", List.of("email"));
            if (after != null) {
                search.put("after", after);
            }
            var page = SandboxClient.crm().body(search).post("/crm/v3/objects/contacts/search").then().statusCode(200).extract().jsonPath();
            total += page.getList("results").size();
            after = page.getString("paging.next.after");
        } while (after != null);
        return total;
    }
}
