package io.crmbridge.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.CrmAnswer;

/** Each input of a 207 answer gets its own results and its own errors, never another input's. */
class HubSpotBatchShareTest {

    private static final Map<String, Object> UPSERT_207 = Map.of(
            "status", "COMPLETE",
            "results", List.of(
                    Map.of("id", "11", "properties", Map.of("crmbridge_key", "a.example", "name", "A")),
                    Map.of("id", "12", "properties", Map.of("crmbridge_key", "c.example", "name", "C"))),
            "numErrors", 1,
            "errors", List.of(Map.of("status", "error", "category", "VALIDATION_ERROR",
                    "message", "Property values were not valid", "context", Map.of("id", List.of("b.example")))));

    @Test
    void aResultIsHandedToTheInputThatHoldsItsKey() {
        var share = HubSpotBatchShare.of(UPSERT_207, "crmbridge_key", List.of("C.example"));
        assertThat((List<?>) share.get("results")).hasSize(1);
        assertThat(share).doesNotContainKey("errors");
        assertThat(new HubSpotConnector().records("companies", CrmAnswer.of(share))).extracting(r -> r.id()).containsExactly("12");
    }

    @Test
    void anErrorIsHandedOnlyToTheInputItNames() {
        var bad = HubSpotBatchShare.of(UPSERT_207, "crmbridge_key", List.of("b.example"));
        assertThat((List<?>) bad.get("results")).isEmpty();
        assertThat(new HubSpotConnector().batchErrors(CrmAnswer.of(bad))).hasSize(1);
        var good = HubSpotBatchShare.of(UPSERT_207, "crmbridge_key", List.of("a.example"));
        assertThat(new HubSpotConnector().batchErrors(CrmAnswer.of(good))).isEmpty();
    }

    @Test
    void anErrorNamingAKeyInItsMessageFailsThatKeyOnlyNotAKeyItIsAPrefixOf() {
        Map<String, Object> answer = Map.of("status", "COMPLETE", "results", List.of(),
                "errors", List.of(Map.of("status", "error", "category", "VALIDATION_ERROR",
                        "message", "Property values were not valid: [{\"isValid\":false,\"message\":\"acme.com is"
                                + " already taken\",\"name\":\"domain\"}]")));
        HubSpotConnector hubspot = new HubSpotConnector();
        assertThat(hubspot.batchErrors(CrmAnswer.of(HubSpotBatchShare.of(answer, "domain", List.of("acme.com.au")))))
                .isEmpty();
        assertThat(hubspot.batchErrors(CrmAnswer.of(HubSpotBatchShare.of(answer, "domain", List.of("acme.co")))))
                .isEmpty();
        assertThat(hubspot.batchErrors(CrmAnswer.of(HubSpotBatchShare.of(answer, "domain", List.of("ACME.com")))))
                .hasSize(1);
        Map<String, Object> sentence = Map.of("errors", List.of(Map.of("category", "CONFLICT",
                "message", "A company with domain acme.com.au.")));
        assertThat(hubspot.batchErrors(CrmAnswer.of(HubSpotBatchShare.of(sentence, "domain", List.of("acme.com")))))
                .isEmpty();
        assertThat(hubspot.batchErrors(CrmAnswer.of(HubSpotBatchShare.of(sentence, "domain", List.of("acme.com.au")))))
                .hasSize(1);
    }

    @Test
    void anAssociationErrorIsHandedToItsPairOnly() {
        Map<String, Object> answer = Map.of("status", "COMPLETE",
                "results", List.of(Map.of("fromObjectId", 5, "toObjectId", 7)),
                "errors", List.of(Map.of("category", "OBJECT_NOT_FOUND", "message", "no such record",
                        "context", Map.of("fromObjectId", List.of("5"), "toObjectId", List.of("9")))));
        assertThat(new HubSpotConnector().inputErrors(CrmAnswer.of(HubSpotBatchShare.ofPair(answer, "5", "7")))).isEmpty();
        assertThat(new HubSpotConnector().inputErrors(CrmAnswer.of(HubSpotBatchShare.ofPair(answer, "5", "9")))).hasSize(1);
        assertThat((List<?>) HubSpotBatchShare.ofPair(answer, "5", "7").get("results")).hasSize(1);
        assertThat((List<?>) HubSpotBatchShare.ofPair(answer, "5", "9").get("errors")).hasSize(1);
    }
}
