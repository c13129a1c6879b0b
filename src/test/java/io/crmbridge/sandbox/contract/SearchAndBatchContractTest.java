package io.crmbridge.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Search and the batch operations of CRM objects v3, including their 207 answers, held to the description. */
@QuarkusTest
class SearchAndBatchContractTest extends ContractTestSupport {

    // ---------------------------------------------------------------- search

    @Test
    void searchWithFiltersSortsPropertiesAndPaging() {
        String company = unique("Searchable");
        for (int i = 0; i < 3; i++) {
            create("companies", Map.of("name", company, "domain", unique("s") + ".example.com"));
        }
        Map<String, Object> search = Map.of(
                "filterGroups", List.of(Map.of("filters", List.of(
                        Map.of("propertyName", "name", "operator", "EQ", "value", company),
                        Map.of("propertyName", "hs_lastmodifieddate", "operator", "GTE", "value", "0")))),
                "sorts", List.of(Map.of("propertyName", "hs_lastmodifieddate", "direction", "ASCENDING")),
                "properties", List.of("name", "domain", "hs_lastmodifieddate"),
                "limit", 2);

        String after = api().body(search).post(OBJECTS + "/companies/search")
                .then().statusCode(200).body("total", equalTo(3)).body("results", hasSize(2))
                .extract().path("paging.next.after");
        assertThat(after).isNotBlank();

        Map<String, Object> next = new java.util.HashMap<>(search);
        next.put("after", after);
        api().body(next).post(OBJECTS + "/companies/search")
                .then().statusCode(200).body("results", hasSize(1));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void searchOnEveryTypeWithOnlyFilterGroups() {
        for (String type : List.of("contacts", "deals", "0-3", "notes", "tasks", "tickets")) {
            api().body(Map.of("filterGroups", List.of(Map.of("filters", List.of(
                    Map.of("propertyName", "hs_object_id", "operator", "HAS_PROPERTY"))))))
                    .post(OBJECTS + "/" + type + "/search")
                    .then().statusCode(200);
        }
        assertServerSawOnlyValidRequests();
    }

    @Test
    void searchWithUnknownOperatorIs400() {
        invalid().body(Map.of("filterGroups", List.of(Map.of("filters", List.of(
                Map.of("propertyName", "email", "operator", "LIKE", "value", "x"))))))
                .post(OBJECTS + "/contacts/search")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void searchWithInvalidCursorIs400() {
        api().body(Map.of("filterGroups", List.of(), "after", "not-a-cursor"))
                .post(OBJECTS + "/contacts/search")
                .then().statusCode(400);
    }

    // ---------------------------------------------------------------- batch

    @Test
    void batchCreateReadUpdateUpsertArchive() {
        Map<String, String> first = sampleProperties("contacts");
        Map<String, String> second = sampleProperties("contacts");
        List<String> ids = api().body(Map.of("inputs", List.of(Map.of("properties", first), Map.of("properties", second))))
                .post(OBJECTS + "/contacts/batch/create")
                .then().statusCode(201).body("status", equalTo("COMPLETE")).body("results", hasSize(2))
                .extract().path("results.id");

        api().body(Map.of("inputs", List.of(Map.of("id", ids.get(0)), Map.of("id", ids.get(1))),
                "properties", List.of("email")))
                .post(OBJECTS + "/contacts/batch/read")
                .then().statusCode(200).body("results", hasSize(2));

        api().body(Map.of("inputs", List.of(Map.of("id", first.get("email"))), "idProperty", "email"))
                .post(OBJECTS + "/contacts/batch/read")
                .then().statusCode(200).body("results[0].id", equalTo(ids.get(0)));

        api().body(Map.of("inputs", List.of(Map.of("id", ids.get(0), "properties", Map.of("firstname", "Grace")))))
                .post(OBJECTS + "/contacts/batch/update")
                .then().statusCode(200).body("results[0].properties.firstname", equalTo("Grace"));

        String fresh = uniqueEmail();
        api().body(Map.of("inputs", List.of(
                Map.of("id", first.get("email"), "idProperty", "email", "properties", Map.of("lastname", "Hopper")),
                Map.of("id", fresh, "idProperty", "email", "properties", Map.of("firstname", "New")))))
                .post(OBJECTS + "/contacts/batch/upsert")
                .then().statusCode(200).body("results", hasSize(2));

        api().body(Map.of("inputs", List.of(Map.of("id", ids.get(0)), Map.of("id", ids.get(1)))))
                .post(OBJECTS + "/contacts/batch/archive")
                .then().statusCode(204);
        api().get(OBJECTS + "/contacts/" + ids.get(0)).then().statusCode(404);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void batchOnDealsUnderBothPaths() {
        for (String type : List.of("deals", "0-3")) {
            String id = api().body(Map.of("inputs", List.of(Map.of("properties", sampleProperties(type)))))
                    .post(OBJECTS + "/" + type + "/batch/create")
                    .then().statusCode(201).extract().path("results[0].id");
            api().body(Map.of("inputs", List.of(Map.of("id", id))))
                    .post(OBJECTS + "/" + type + "/batch/read")
                    .then().statusCode(200);
        }
        assertServerSawOnlyValidRequests();
    }

    @Test
    void batchReadWithAMissingIdIs207WithErrors() {
        String id = create("tickets", sampleProperties("tickets"));

        api().body(Map.of("inputs", List.of(Map.of("id", id), Map.of("id", "999999999"))))
                .post(OBJECTS + "/tickets/batch/read")
                .then().statusCode(207).body("numErrors", equalTo(1)).body("results", hasSize(1))
                .body("errors[0].category", equalTo("OBJECT_NOT_FOUND"));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void batchUpdateWithAMissingIdIs207WithErrors() {
        String id = create("companies", sampleProperties("companies"));

        api().body(Map.of("inputs", List.of(
                Map.of("id", id, "properties", Map.of("city", "Leeds")),
                Map.of("id", "999999999", "properties", Map.of("city", "Nowhere")))))
                .post(OBJECTS + "/companies/batch/update")
                .then().statusCode(207).body("numErrors", equalTo(1));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void batchCreateWithInvalidValueIs400() {
        api().body(Map.of("inputs", List.of(Map.of("properties", Map.of("email", uniqueEmail(),
                "lifecyclestage", "royalty")))))
                .post(OBJECTS + "/contacts/batch/create")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
    }
}
