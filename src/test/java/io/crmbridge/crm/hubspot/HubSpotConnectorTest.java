package io.crmbridge.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.CrmRequest;
import io.crmbridge.inbound.CursorPair;

/** The HubSpot connector's requests and answers: poll search bodies, records, owners, rate-limit headers. */
class HubSpotConnectorTest {

    static final Instant T = Instant.parse("2026-01-31T23:59:59.123Z");
    final HubSpotConnector hubspot = new HubSpotConnector();

    @Test
    @SuppressWarnings("unchecked")
    void forwardPagesAreBoundedBySettleTimeAndTieGroupsArePagedByIdNeverByOffset() {
        Instant settled = T.plusSeconds(60);
        CrmRequest first = hubspot.searchChanged(ChangeQuery.forward("contacts", T, settled, 100, List.of("email")));
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/crm/v3/objects/contacts/search");
        Map<String, Object> body = (Map<String, Object>) first.body();
        assertThat(body.get("after")).isEqualTo("0");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) body.get("filterGroups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).toString()).contains("lastmodifieddate", "GT", Long.toString(T.toEpochMilli()),
                "LT", Long.toString(settled.toEpochMilli()));
        assertThat(body.get("sorts").toString()).contains("lastmodifieddate", "ASCENDING");

        Map<String, Object> tie = (Map<String, Object>) hubspot
                .searchChanged(ChangeQuery.tieGroup("deals", T, "1234", 100, List.of())).body();
        List<Map<String, Object>> tieGroups = (List<Map<String, Object>>) tie.get("filterGroups");
        assertThat(tieGroups).hasSize(1);
        assertThat(tieGroups.get(0).toString()).contains("hs_lastmodifieddate", "EQ", Long.toString(T.toEpochMilli()),
                "hs_object_id", "GT", "1234");
        assertThat(tie.get("after")).isEqualTo("0");
        assertThat(tie.get("sorts").toString()).as("a total order: by id").contains("hs_object_id", "ASCENDING")
                .doesNotContain("lastmodifieddate");

        Map<String, Object> all = (Map<String, Object>) hubspot
                .searchChanged(ChangeQuery.forward("contacts", null, null, 100, List.of())).body();
        assertThat((List<?>) all.get("filterGroups")).isEmpty();
    }

    @Test
    void historyVersionsSayWhoChangedWhat() {
        Map<String, Object> answer = Map.of("results", List.of(Map.of("id", "42", "propertiesWithHistory", Map.of(
                "phone", List.of(Map.of("value", "+1", "timestamp", T.toString(), "sourceType", "CRM_UI",
                        "sourceId", "userId:9000001", "updatedByUserId", 9000001)),
                "company", List.of(
                        Map.of("value", "Acme", "timestamp", T.plusSeconds(1).toString(), "sourceType", "INTEGRATION",
                                "sourceId", "4242001"),
                        Map.of("value", "Old", "timestamp", T.minusSeconds(9).toString(), "sourceType", "INTEGRATION",
                                "sourceId", "999"))))));
        var changes = hubspot.history("contacts", CrmAnswer.of(answer), "4242001").get("42");
        assertThat(changes).extracting(c -> c.property() + "=" + c.value() + "@" + c.source())
                .containsExactly("company=Acme@BRIDGE", "phone=+1@PERSON", "company=Old@OTHER");
        assertThat(changes.get(1).userId()).isEqualTo("9000001");
        assertThat(hubspot.readHistory("contacts", List.of("42"), List.of("phone")).body().toString())
                .contains("propertiesWithHistory=[phone]", "id=42");
    }

    @Test
    void mergedIdsAndArchivedRecordsAreRead() {
        CrmRecord primary = hubspot.record("contacts", CrmAnswer.of(Map.of("id", "5", "properties",
                Map.of("hs_merged_object_ids", "7;9;5"))));
        assertThat(hubspot.mergedIds("contacts", primary)).containsExactly("7", "9");
        var page = hubspot.archived(CrmAnswer.of(Map.of("results", List.of(Map.of("id", "3", "archived", true, "archivedAt",
                T.toString())), "paging", Map.of("next", Map.of("after", "4")))));
        assertThat(page.items()).extracting(r -> r.id() + "@" + r.at()).containsExactly("3@" + T);
        assertThat(page.next()).isEqualTo("4");
        assertThat(hubspot.listArchived("contacts", "4", 100).query()).isEqualTo("archived=true&limit=100&after=4");
        assertThat(hubspot.serverTime(name -> "Date".equals(name) ? "Sat, 31 Jan 2026 23:59:59 GMT" : null))
                .contains(Instant.parse("2026-01-31T23:59:59Z"));
    }

    @Test
    void recordsCarryTheModificationTimeOfTheirObject() {
        CrmRecord contact = hubspot.record("contacts",
                CrmAnswer.of(Map.of("id", "42", "properties", Map.of("lastmodifieddate", T.toString()), "createdAt", T.toString())));
        assertThat(contact.id()).isEqualTo("42");
        assertThat(contact.modifiedAt()).isEqualTo(T);
        assertThat(contact.createdAt()).isEqualTo(T);

        List<CrmRecord> deals = hubspot.records("deals", CrmAnswer.of(Map.of("results", List.of(
                Map.of("id", "7", "properties", Map.of("hs_lastmodifieddate", Long.toString(T.toEpochMilli()))),
                Map.of("id", "8", "properties", Map.of("dealname", "x"), "updatedAt", T.toString()),
                Map.of("id", "9", "properties", Map.of("dealname", "x"))))));
        assertThat(deals).extracting(CrmRecord::modifiedAt).containsExactly(T, T, null);
        assertThat(hubspot.record("deals", CrmAnswer.of(Map.of("properties", Map.of())))).as("no id, no record").isNull();
    }

    @Test
    void ownersAndAssociationsReadAsIds() {
        assertThat(hubspot.owners(CrmAnswer.of(Map.of("results", List.of(
                Map.of("id", "1", "email", "a@x.example", "archived", false),
                Map.of("id", "2", "email", "b@x.example", "archived", true))))))
                .extracting(o -> o.id() + ":" + o.active()).containsExactly("1:true", "2:false");
        assertThat(hubspot.associatedIds(CrmAnswer.of(Map.of("results", List.of(Map.of("toObjectId", 11), Map.of("toObjectId", "12"))))))
                .containsExactly("11", "12");
    }

    @Test
    @SuppressWarnings("unchecked")
    void engagementsLinkWithHubSpotsDefinedAssociationTypes() {
        Map<String, Object> input = (Map<String, Object>) hubspot.create("notes", Map.of("hs_note_body", "x"),
                Map.of("contacts", "5", "deals", "6")).body();
        assertThat(input.get("associations").toString()).contains("associationTypeId=202", "associationTypeId=214");
        Map<String, Object> contact = (Map<String, Object>) hubspot.create("contacts", Map.of("email", "a@b.example"),
                Map.of()).body();
        assertThat(contact).doesNotContainKey("associations");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPropertyValueInAWriteBodyIsAString() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("crmbridge_occurred_at", 1_767_225_599_123L);
        values.put("amount", new java.math.BigDecimal("1E+3"));
        values.put("hs_task_is_all_day", true);
        values.put("phone", null);
        Map<String, String> expected = Map.of("crmbridge_occurred_at", "1767225599123", "amount", "1000",
                "hs_task_is_all_day", "true", "phone", "");
        Map<String, Object> created = (Map<String, Object>) hubspot.create("deals", values, Map.of()).body();
        assertThat((Map<String, Object>) created.get("properties")).isEqualTo(expected);
        Map<String, Object> updated = (Map<String, Object>) hubspot.update("deals", "7", null, values).body();
        assertThat((Map<String, Object>) updated.get("properties")).isEqualTo(expected);
        Map<String, Object> upserted = (Map<String, Object>) hubspot.upsert("deals", "crmbridge_key",
                Map.of("k1", values)).body();
        assertThat(((List<Map<String, Object>>) upserted.get("inputs")).get(0).get("properties")).isEqualTo(expected);
        Map<String, Object> many = (Map<String, Object>) hubspot.createMany("deals", List.of(values), List.of(Map.of()),
                List.of("k1")).body();
        assertThat(((List<Map<String, Object>>) many.get("inputs")).get(0).get("properties")).isEqualTo(expected);
    }

    @Test
    void historyIsReadFiftyRecordsACallAtMost() {
        assertThat(hubspot.maxHistoryIds()).isEqualTo(50);
        List<String> ids = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(Integer::toString).toList();
        assertThat(hubspot.readHistory("contacts", ids.subList(0, 50), List.of("phone")).path())
                .isEqualTo("/crm/v3/objects/contacts/batch/read");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> hubspot.readHistory("contacts", ids, List.of("phone")));
    }

    @ParameterizedTest
    @CsvSource({ "0, 10000, 10000", "5, 10000, ", ", 10000, ", "0, , ", "0, 999999, 60000", "x, 10, " })
    void aUsedUpWindowMeansWaitingOutTheInterval(String remaining, String interval, Long expectedMillis) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-HubSpot-RateLimit-Remaining", remaining);
        headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", interval);
        assertThat(hubspot.exhaustedWindow(headers::get).orElse(null))
                .isEqualTo(expectedMillis == null ? null : Duration.ofMillis(expectedMillis));
    }

    @Test
    void aMissingScopeFailsTheCallNotTheConnection() {
        String scopes = "{\"status\":\"error\",\"message\":\"This app hasn't been granted all required scopes\","
                + "\"category\": \"MISSING_SCOPES\",\"correlationId\":\"c\"}";
        assertThat(hubspot.classify("hubspot", 403, scopes)).get()
                .isInstanceOf(io.crmbridge.crm.CrmCallException.Review.class);
        assertThat(hubspot.classify("hubspot", 403, "{\"category\":\"FORBIDDEN\"}")).get()
                .isInstanceOf(io.crmbridge.crm.CrmCallException.Operator.class);
        assertThat(hubspot.classify("hubspot", 200, "{}")).isEmpty();
    }

    @Test
    void everyCallButACreateOfNotesOrTasksMayBeResentAfterAnUnclearAnswer() {
        assertThat(hubspot.resendable("POST", "/crm/v3/objects/contacts/batch/upsert")).isTrue();
        assertThat(hubspot.resendable("POST", "/crm/v3/objects/companies/batch/create")).isTrue();
        assertThat(hubspot.resendable("POST", "/crm/v3/objects/notes/batch/create")).as("notes hold no unique key")
                .isFalse();
        assertThat(hubspot.resendable("POST", "/crm/v3/objects/notes/search")).isTrue();
        assertThat(hubspot.resendable("PATCH", "/crm/v3/objects/contacts/1")).isTrue();
        assertThat(hubspot.resendable("POST", "/crm/v3/objects/companies")).isTrue();
        assertThat(hubspot.resendable("POST", "/crm/v3/objects/notes")).as("a second note").isFalse();
        assertThat(hubspot.resendable("POST", "/crm/v3/objects/tasks")).isFalse();
    }
}
