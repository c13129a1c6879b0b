package io.crmbridge.sandbox.objects;

import static io.crmbridge.sandbox.SandboxClient.createContact;
import static io.crmbridge.sandbox.SandboxClient.crm;
import static io.crmbridge.sandbox.SandboxClient.uniqueEmail;
import static io.crmbridge.testsupport.SandboxControl.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.SandboxControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Over HTTP: archived records listable, contact merge (API and person), and the tie-order knob. */
@QuarkusTest
class ArchiveMergeTieApiTest {

    private static JsonPath searchByEmail(String email) {
        return crm().body(Map.of("filterGroups", List.of(Map.of("filters", List.of(Map.of("propertyName", "email",
                "operator", "EQ", "value", email)))))).post("/crm/v3/objects/contacts/search").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Every archived contact id with an id above {@code afterId}, walking the archived list page by page. */
    private static List<String> archivedAfter(long afterId) {
        List<String> ids = new ArrayList<>();
        String after = Long.toString(afterId);
        while (after != null) {
            JsonPath page = crm().queryParam("archived", true).queryParam("limit", 2).queryParam("after", after)
                    .get("/crm/v3/objects/contacts").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("results.archived", Boolean.class)).allMatch(Boolean::booleanValue);
            ids.addAll(page.getList("results.id"));
            after = page.getString("paging.next.after");
        }
        return ids;
    }

    @Test
    void archivedRecordsAreListedNotSearchedAndReadOnlyWithArchivedTrue() {
        String email = uniqueEmail("gone");
        String a = createContact(email);
        String b = createContact(uniqueEmail("gone"));
        String c = createContact(uniqueEmail("gone"));
        String live = createContact(uniqueEmail("stays"));
        SandboxControl.archive("contacts", a);
        crm().body(Map.of("inputs", List.of(Map.of("id", b), Map.of("id", c))))
                .post("/crm/v3/objects/contacts/batch/archive").then().statusCode(204);

        crm().get("/crm/v3/objects/contacts/" + a).then().statusCode(404);
        crm().queryParam("archived", true).get("/crm/v3/objects/contacts/" + a).then().statusCode(200)
                .body("archived", equalTo(true)).body("archivedAt", notNullValue())
                .body("properties.email", equalTo(email));
        assertThat(searchByEmail(email).getInt("total")).isZero();
        assertThat(archivedAfter(Long.parseLong(a) - 1)).containsSubsequence(a, b, c).doesNotContain(live);
        crm().queryParam("archived", true).queryParam("propertiesWithHistory", "email")
                .get("/crm/v3/objects/contacts/" + a).then().statusCode(200)
                .body("propertiesWithHistory.email[0].value", equalTo(email));
    }

    @Test
    void apiMergeKeepsThePrimaryAndTheMergedIdReadsAsThePrimary() {
        String keptEmail = uniqueEmail("primary");
        String goneEmail = uniqueEmail("merged");
        String primary = createContact(keptEmail);
        String secondary = crm().body(Map.of("properties", Map.of("email", goneEmail, "phone", "+15557654321")))
                .post("/crm/v3/objects/contacts").then().statusCode(201).extract().path("id");
        String before = crm().get("/crm/v3/objects/contacts/" + primary).then().extract().path("updatedAt");

        JsonPath merged = crm().body(Map.of("primaryObjectId", primary, "objectIdToMerge", secondary))
                .post("/crm/v3/objects/contacts/merge").then().statusCode(200).extract().jsonPath();
        assertThat(merged.getString("id")).isEqualTo(primary);
        assertThat(merged.getString("properties.hs_merged_object_ids")).isEqualTo(secondary);
        assertThat(merged.getString("properties.email")).isEqualTo(keptEmail);
        assertThat(merged.getString("properties.phone")).isEqualTo("+15557654321");
        assertThat(Instant.parse(merged.getString("updatedAt"))).isAfterOrEqualTo(Instant.parse(before));
        assertThat(merged.getString("properties.lastmodifieddate")).isEqualTo(merged.getString("updatedAt"));

        assertThat(searchByEmail(goneEmail).getInt("total")).isZero();
        crm().queryParam("properties", "hs_merged_object_ids").get("/crm/v3/objects/contacts/" + secondary)
                .then().statusCode(200).body("id", equalTo(primary))
                .body("properties.hs_merged_object_ids", equalTo(secondary));
        crm().body(Map.of("inputs", List.of(Map.of("id", secondary)), "properties", List.of("email")))
                .post("/crm/v3/objects/contacts/batch/read").then().statusCode(200).body("results[0].id", equalTo(primary));
        assertThat(archivedAfter(Long.parseLong(secondary) - 1)).doesNotContain(secondary);
        // The merge was made with the API token: the integration's.
        crm().queryParam("propertiesWithHistory", "hs_merged_object_ids").get("/crm/v3/objects/contacts/" + primary)
                .then().statusCode(200)
                .body("propertiesWithHistory.hs_merged_object_ids[0].sourceType", equalTo("INTEGRATION"));

        crm().body(Map.of("primaryObjectId", primary, "objectIdToMerge", primary))
                .post("/crm/v3/objects/contacts/merge").then().statusCode(400);
        crm().body(Map.of("primaryObjectId", primary, "objectIdToMerge", "999999991"))
                .post("/crm/v3/objects/contacts/merge").then().statusCode(404);
    }

    @Test
    void aPersonMergesAMergedContactAndTheIdsAccumulate() {
        String a = createContact(uniqueEmail("ma"));
        String b = createContact(uniqueEmail("mb"));
        String c = createContact(uniqueEmail("mc"));
        assertThat(SandboxControl.merge(b, c, 9_000_002)).isEqualTo(c);
        assertThat(SandboxControl.merge(a, b, null)).isEqualTo(b + ";" + c);
        crm().get("/crm/v3/objects/contacts/" + c).then().statusCode(200).body("id", equalTo(a));
        crm().queryParam("propertiesWithHistory", "hs_merged_object_ids").get("/crm/v3/objects/contacts/" + a)
                .then().statusCode(200)
                .body("propertiesWithHistory.hs_merged_object_ids[0].sourceType", equalTo("CRM_UI"))
                .body("propertiesWithHistory.hs_merged_object_ids[0].updatedByUserId", equalTo(9_000_001));
        control().body(Map.of("objectType", "companies", "primaryObjectId", a, "objectIdToMerge", b))
                .post("/merge").then().statusCode(400);
    }

    @Test
    void tiesAreRandomByDefaultAndTheKnobSwitchesToIds() {
        // A modification time no other test uses: 2019, a random millisecond.
        Instant at = Instant.parse("2019-01-01T00:00:00Z").plusMillis(ThreadLocalRandom.current().nextLong(1L << 34));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = control().body(Map.of("properties", Map.of("email", uniqueEmail("tie")),
                    "updatedAt", at.toString())).post("/objects/contacts").then().statusCode(201).extract().path("id");
            ids.add(Long.parseLong(id));
        }
        Map<String, Object> byTime = Map.of("filterGroups", List.of(Map.of("filters", List.of(Map.of(
                "propertyName", "lastmodifieddate", "operator", "EQ", "value", Long.toString(at.toEpochMilli()))))),
                "sorts", List.of(Map.of("propertyName", "lastmodifieddate", "direction", "ASCENDING")), "limit", 100);
        Map<String, Object> byId = new java.util.HashMap<>(byTime);
        byId.put("sorts", List.of(Map.of("propertyName", "hs_object_id", "direction", "ASCENDING")));
        try {
            control().get("/search/tie-order").then().statusCode(200).body("order", equalTo("random"));
            List<Long> random = results(byTime);
            assertThat(random).containsExactlyInAnyOrderElementsOf(ids).isNotEqualTo(ids);
            assertThat(results(byTime)).isEqualTo(random);
            assertThat(results(byId)).isEqualTo(ids);

            SandboxControl.tieOrder("id");
            assertThat(results(byTime)).isEqualTo(ids);
            SandboxControl.tieOrder("random", 99);
            assertThat(results(byTime)).isNotEqualTo(random).containsExactlyInAnyOrderElementsOf(ids);
            control().body(Map.of("order", "alphabetical")).put("/search/tie-order").then().statusCode(400);
        } finally {
            SandboxControl.resetTieOrder();
        }
        assertThat(results(byTime)).isEqualTo(results(byTime));
    }

    private static List<Long> results(Map<String, Object> search) {
        return crm().body(search).post("/crm/v3/objects/contacts/search").then().statusCode(200).extract().jsonPath()
                .getList("results.id", String.class).stream().map(Long::parseLong).toList();
    }
}
