package io.crmbridge.sandbox.contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Associations v4: single and batch operations, success and error answers, held to the description. */
@QuarkusTest
class AssociationsContractTest extends ContractTestSupport {

    private static final String V4_OBJECTS = BASE + "/crm/v4/objects";
    private static final String V4_BATCH = BASE + "/crm/v4/associations";

    @Test
    void defaultAssociationThenList() {
        String contact = create("contacts", sampleProperties("contacts"));
        String company = create("companies", sampleProperties("companies"));

        api().put(V4_OBJECTS + "/contacts/" + contact + "/associations/default/companies/" + company)
                .then().statusCode(200).body("status", equalTo("COMPLETE"));

        api().queryParam("limit", 10)
                .get(V4_OBJECTS + "/contacts/" + contact + "/associations/companies")
                .then().statusCode(200).body("results.toObjectId", hasItem(company));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void labelledAssociationThenRemove() {
        String contact = create("contacts", sampleProperties("contacts"));
        String company = create("companies", sampleProperties("companies"));

        api().body(List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 1)))
                .put(V4_OBJECTS + "/contacts/" + contact + "/associations/companies/" + company)
                .then().statusCode(201).body("fromObjectId", equalTo(contact));

        api().delete(V4_OBJECTS + "/contacts/" + contact + "/associations/companies/" + company)
                .then().statusCode(204);
        api().get(V4_OBJECTS + "/contacts/" + contact + "/associations/companies")
                .then().statusCode(200).body("results", hasSize(0));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void batchCreateAssociateDefaultAndRead() {
        String deal = create("deals", sampleProperties("deals"));
        String contact = create("contacts", sampleProperties("contacts"));
        String company = create("companies", sampleProperties("companies"));

        api().body(Map.of("inputs", List.of(Map.of("from", Map.of("id", deal), "to", Map.of("id", contact),
                "types", List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 3))))))
                .post(V4_BATCH + "/deals/contacts/batch/create")
                .then().statusCode(201).body("results", hasSize(1));

        api().body(Map.of("inputs", List.of(Map.of("from", Map.of("id", deal), "to", Map.of("id", company)))))
                .post(V4_BATCH + "/deals/companies/batch/associate/default")
                .then().statusCode(200).body("results", hasSize(1));

        api().body(Map.of("inputs", List.of(Map.of("id", deal))))
                .post(V4_BATCH + "/deals/contacts/batch/read")
                .then().statusCode(200).body("results[0].to.toObjectId", hasItem(contact));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void batchReadWithAMissingRecordIs207() {
        String deal = create("deals", sampleProperties("deals"));
        String contact = create("contacts", sampleProperties("contacts"));
        api().put(V4_OBJECTS + "/deals/" + deal + "/associations/default/contacts/" + contact).then().statusCode(200);

        api().body(Map.of("inputs", List.of(Map.of("id", deal), Map.of("id", "999999999"))))
                .post(V4_BATCH + "/deals/contacts/batch/read")
                .then().statusCode(207).body("numErrors", equalTo(1)).body("errors[0]", not(hasKey("subCategory")));
        assertServerSawOnlyValidRequests();
    }

    @Test
    void associatingAMissingRecordIs404() {
        String contact = create("contacts", sampleProperties("contacts"));

        api().put(V4_OBJECTS + "/contacts/" + contact + "/associations/default/companies/999999999")
                .then().statusCode(404);
        assertServerSawOnlyValidRequests();
    }

    @Test
    void unknownAssociationTypeIs400() {
        String contact = create("contacts", sampleProperties("contacts"));
        String company = create("companies", sampleProperties("companies"));

        api().body(List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 99999)))
                .put(V4_OBJECTS + "/contacts/" + contact + "/associations/companies/" + company)
                .then().statusCode(400);
    }
}
