package io.crmbridge.sandbox.objects;

import static io.crmbridge.sandbox.SandboxClient.crm;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lagging search index: for the lag, search does not see a new record and shows an updated one's old values,
 * while reads by id and batch reads see every write at once; after the lag search catches up.
 */
@QuarkusTest
class SearchIndexLagTest {

    private static final Duration LAG = Duration.ofSeconds(2);
    private static final String COMPANIES = "/crm/v3/objects/companies";

    @AfterEach
    void resetLag() {
        SandboxControl.resetSearchIndexLag();
    }

    @Test
    void aNewRecordIsHiddenFromSearchForTheLagButNotFromReads() {
        SandboxControl.searchIndexLag(LAG);
        String domain = "lag-" + UUID.randomUUID() + ".example";
        String id = crm().body(Map.of("properties", Map.of("name", "Lagging", "domain", domain))).post(COMPANIES)
                .then().statusCode(201).extract().path("id");

        searchByDomain(domain).body("total", equalTo(0));
        crm().get(COMPANIES + "/" + id).then().statusCode(200).body("properties.domain", equalTo(domain));
        crm().body(Map.of("properties", List.of("domain"), "inputs", List.of(Map.of("id", id))))
                .post(COMPANIES + "/batch/read").then().statusCode(200).body("results[0].id", equalTo(id));

        await().atMost(LAG.multipliedBy(4)).untilAsserted(() -> searchByDomain(domain).body("total", equalTo(1))
                .body("results[0].id", equalTo(id)));
    }

    @Test
    void anUpdatedRecordShowsItsOldValuesInSearchForTheLag() {
        String domain = "lag-" + UUID.randomUUID() + ".example";
        String id = crm().body(Map.of("properties", Map.of("name", "Before", "domain", domain))).post(COMPANIES)
                .then().statusCode(201).extract().path("id");
        SandboxControl.searchIndexLag(LAG);

        crm().body(Map.of("properties", Map.of("name", "After"))).patch(COMPANIES + "/" + id).then().statusCode(200);

        searchByDomain(domain).body("total", equalTo(1)).body("results[0].properties.name", equalTo("Before"));
        crm().get(COMPANIES + "/" + id).then().statusCode(200).body("properties.name", equalTo("After"));
        await().atMost(LAG.multipliedBy(4)).untilAsserted(() -> searchByDomain(domain)
                .body("results[0].properties.name", equalTo("After")));
    }

    @Test
    void withoutALagSearchSeesAWriteAtOnce() {
        String domain = "lag-" + UUID.randomUUID() + ".example";
        crm().body(Map.of("properties", Map.of("name", "Now", "domain", domain))).post(COMPANIES).then().statusCode(201);
        searchByDomain(domain).body("total", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse searchByDomain(String domain) {
        return crm().body(Map.of("filterGroups", List.of(Map.of("filters", List.of(Map.of("propertyName", "domain",
                "operator", "EQ", "value", domain)))), "properties", List.of("name", "domain"), "limit", 10))
                .post(COMPANIES + "/search").then().statusCode(200);
    }
}
