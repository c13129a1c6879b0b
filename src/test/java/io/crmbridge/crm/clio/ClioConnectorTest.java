package io.crmbridge.crm.clio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmCallException;
import io.crmbridge.crm.BatchOperation;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.Capability;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.CrmRequest;

/** The Clio connector's requests and its reading of Clio's answers, against Clio Manage API v4's shapes. */
class ClioConnectorTest {

    private final ClioConnector clio = new ClioConnector();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void regionsChooseTheHostOfTheApiAndOfTheTokenEndpoint() {
        assertThat(clio.baseUrl("eu")).contains("https://eu.app.clio.com/api/v4");
        assertThat(clio.baseUrl("us")).contains("https://app.clio.com/api/v4");
        assertThat(clio.baseUrl("au.app.clio.com")).contains("https://au.app.clio.com/api/v4");
        assertThat(clio.tokenUrlBase("https://ca.app.clio.com/api/v4")).contains("https://ca.app.clio.com");
        assertThat(clio.tokenUrlBase("http://localhost:8081/sandbox/clio/api/v4/")).contains("http://localhost:8081/sandbox/clio");
        assertThat(clio.defaultTokenPath()).isEqualTo("/oauth/token");
        assertThatThrownBy(() -> clio.baseUrl("mars")).hasMessageContaining("unknown Clio region");
    }

    @Test
    void changedRecordsAreListedSinceTheCursorWithAFieldsSelector() {
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        CrmRequest page = clio.searchChanged(ChangeQuery.forward("contacts", at, null, 500,
                List.of("primary_email_address", "first_name", "company")));
        assertThat(page.method()).isEqualTo("GET");
        assertThat(page.path()).isEqualTo("/contacts.json");
        Map<String, String> q = query(page);
        assertThat(q).containsEntry("type", "Person").containsEntry("updated_since", "2026-11-30T10:00:00.001Z")
                .containsEntry("order", "id(asc)").containsEntry("limit", "200");
        assertThat(q.get("fields")).startsWith("id,etag,created_at,updated_at,type")
                .contains("email_addresses{id,address,name,primary}", "first_name", "company{id,name}");
        assertThat(clio.sweepsChangesById()).as("contacts have no updated_at order: changes are swept in id order").isTrue();
        String nextUrl = "http://localhost:8081/sandbox/clio/api/v4/contacts.json?order=id%28asc%29&page_token=YWZ0ZXI6Nw";
        CrmRequest sweepOn = clio.searchChanged(ChangeQuery.forward("contacts", at, null, 200, List.of()).withPageToken(nextUrl));
        assertThat(sweepOn.path()).isEqualTo("/contacts.json");
        assertThat(sweepOn.query()).isEqualTo("order=id%28asc%29&page_token=YWZ0ZXI6Nw");
        assertThat(query(clio.searchChanged(ChangeQuery.forward("tasks", null, null, 200, List.of("name", "assignee",
                "matter"))))).containsEntry("order", "id(asc)").doesNotContainKey("updated_since")
                .containsEntry("fields", "id,etag,created_at,updated_at,name,assignee{id,type,name},matter{id,display_number}");

        CrmRequest ties = clio.searchChanged(ChangeQuery.tieGroup("deals", at, "7", 200, List.of("status")));
        assertThat(ties.path()).isEqualTo("/matters.json");
        assertThat(query(ties)).containsEntry("order", "id(asc)").containsEntry("updated_since", at.toString())
                .doesNotContainKey("type");
        assertThat(clio.pagesTieGroupsByToken()).isTrue();
        Map<String, Object> answer = Map.of("data", List.of(), "meta", Map.of("paging", Map.of(
                "next", "http://localhost:8081/sandbox/clio/api/v4/matters.json?order=id%28asc%29&page_token=YWZ0ZXI6Nw")));
        String token = clio.nextPage(CrmAnswer.of(answer));
        CrmRequest next = clio.searchChanged(ChangeQuery.tieGroup("deals", at, "7", 200, List.of()).withPageToken(token));
        assertThat(next.path()).isEqualTo("/matters.json");
        assertThat(next.query()).isEqualTo("order=id%28asc%29&page_token=YWZ0ZXI6Nw");
        assertThat(clio.nextPage(CrmAnswer.of(Map.of("data", List.of(), "meta", Map.of("paging", Map.of()))))).isNull();
    }

    @Test
    void recordsAreUnwrappedFromDataWithThePrimaryEmailShownFlat() throws Exception {
        Object answer = json.readValue("""
                {"data":[{"id":12,"etag":"\\"abc\\"","type":"Person","first_name":"Ada",
                  "created_at":"2026-11-30T09:00:00+00:00","updated_at":"2026-11-30T10:00:05+00:00",
                  "email_addresses":[{"id":7,"name":"Home","address":"home@x.io","primary":false},
                                     {"id":8,"name":"Work","address":"ada@x.io","primary":true}],
                  "company":{"id":3,"name":"X Ltd"}}],
                 "meta":{"paging":{"next":"https://app.clio.com/api/v4/contacts.json?page_token=n"},"records":1}}
                """, Object.class);
        List<CrmRecord> records = clio.records("contacts", CrmAnswer.of(answer));
        assertThat(records).hasSize(1);
        CrmRecord ada = records.get(0);
        assertThat(ada.id()).isEqualTo("12");
        assertThat(ada.modifiedAt()).isEqualTo(Instant.parse("2026-11-30T10:00:05Z"));
        assertThat(ada.property("primary_email_address")).isEqualTo("ada@x.io");
        assertThat(ada.property("company")).isEqualTo(Map.of("id", 3, "name", "X Ltd"));
        assertThat(clio.record("contacts", CrmAnswer.of(Map.of("data", Map.of("id", 5, "etag", "e")))).id()).isEqualTo("5");

        // the version names the primary item: an update changes it in place (no new item, the old one not left primary)
        String version = clio.version(ada);
        assertThat(version).startsWith("\"abc\"");
        CrmRequest update = clio.update("contacts", "12", null, Map.of("primary_email_address", "ada@new.io"), version);
        assertThat(update.ifMatch()).isEqualTo("\"abc\"");
        assertThat(update.body()).isEqualTo(Map.of("data", Map.of("email_addresses",
                List.of(Map.of("id", 8L, "address", "ada@new.io", "default_email", true)))));
    }

    @Test
    void writesAreWrappedInDataWithArraysTypesAndRelationships() {
        CrmRequest person = clio.create("contacts", Map.of("primary_email_address", "ada@x.io", "first_name", "Ada"),
                Map.of("companies", "3"));
        assertThat(person.path()).isEqualTo("/contacts.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) person.body()).get("data");
        assertThat(data).containsEntry("type", "Person").containsEntry("first_name", "Ada").containsEntry("name", "Ada")
                .containsEntry("company", Map.of("id", 3L))
                .containsEntry("email_addresses", List.of(Map.of("name", "Work", "address", "ada@x.io", "default_email", true)));

        CrmRequest matter = clio.create("deals", Map.of("description", "Ada - intake", "status", "open"),
                Map.of("contacts", "12", "companies", "3"));
        assertThat(matter.path()).isEqualTo("/matters.json");
        assertThat(matter.body()).isEqualTo(Map.of("data", Map.of("description", "Ada - intake", "status", "open",
                "client", Map.of("id", 12L))));

        CrmRequest note = clio.create("notes", Map.of("detail", "from the form", "date", "2026-12-01T23:30:00Z"),
                Map.of("deals", "40", "contacts", "12"));
        // Clio publishes contact, matter and type as required on a note: a matter's note names the person too
        assertThat(note.body()).isEqualTo(Map.of("data", Map.of("detail", "from the form", "date", "2026-12-01",
                "type", "Matter", "matter", Map.of("id", 40L), "contact", Map.of("id", 12L), "subject",
                "from the form")));

        CrmRequest task = clio.create("tasks", Map.of("name", "Onboarding", "description", "Start", "assignee", "900"),
                Map.of());
        assertThat(task.body()).isEqualTo(Map.of("data", Map.of("name", "Onboarding", "description", "Start",
                "assignee", Map.of("id", 900L, "type", "User"))));
        assertThat(clio.requestHeaders("clio")).containsEntry("X-API-VERSION", "4.0.13");

        // a task keeps the bridge's key at the end of its name and is found by it, as a note is by its subject
        assertThat(clio.keepsKeyOf("tasks")).isTrue();
        CrmRequest keyed = clio.create("tasks", Map.of("name", "Onboarding", "description", "Start", "assignee", "900",
                io.crmbridge.crm.BridgeProperty.KEY, "task:evt-1"), Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> keyedData = (Map<String, Object>) ((Map<String, Object>) keyed.body()).get("data");
        assertThat(keyedData).containsEntry("name", "Onboarding [task:evt-1]");
        CrmRecord read = clio.record("tasks", CrmAnswer.of(Map.of("data", Map.of("id", 77, "etag", "e",
                "name", "Onboarding [task:evt-1]"))));
        assertThat(read.property(io.crmbridge.crm.BridgeProperty.KEY)).isEqualTo("task:evt-1");
        CrmRequest byKey = clio.readByKey("tasks", io.crmbridge.crm.BridgeProperty.KEY, List.of("task:evt-1"), List.of());
        assertThat(byKey.path()).isEqualTo("/tasks.json");
        assertThat(query(byKey)).containsEntry("query", "task:evt-1").containsEntry("fields", "id,etag,created_at,updated_at,name");

        assertThat(clio.create("contacts", Map.of("first_name", "Bo", "company", Map.of("id", "Acme Ltd")), Map.of())
                .body()).as("a company name cannot name a Clio record").isEqualTo(Map.of("data",
                        Map.of("type", "Person", "first_name", "Bo", "name", "Bo")));

        CrmRequest update = clio.update("contacts", "12", null, Map.of("last_name", "Lovelace"));
        assertThat(update.method()).isEqualTo("PATCH");
        assertThat(update.path()).isEqualTo("/contacts/12.json");
        assertThat(update.body()).isEqualTo(Map.of("data", Map.of("last_name", "Lovelace")));
    }

    @Test
    void searchIsAListFilterComparedExactlyAfterwards() throws Exception {
        CrmRequest search = clio.searchEquals("contacts", "primary_email_address", "ada@x.io", List.of("first_name"));
        assertThat(query(search)).containsEntry("query", "ada@x.io").containsEntry("type", "Person");
        Object answer = json.readValue("""
                {"data":[{"id":1,"email_addresses":[{"address":"ada@x.io.evil","default_email":true}]},
                         {"id":2,"email_addresses":[{"address":"ADA@x.io","default_email":true}]}]}
                """, Object.class);
        Object share = clio.batchShare("contacts", CrmAnswer.of(answer), "primary_email_address", List.of("ada@x.io"));
        assertThat(clio.records("contacts", CrmAnswer.of(share))).extracting(CrmRecord::id).containsExactly("2");
    }

    @Test
    void companiesAreFoundByTheirWebSiteComparedAsADomain() throws Exception {
        Object answer = json.readValue("""
                {"data":[{"id":3,"type":"Company","web_sites":[{"address":"https://www.Acme.io/about","default_web_site":true}]},
                         {"id":4,"type":"Company","web_sites":[{"address":"acme.io.example","default_web_site":true}]}]}
                """, Object.class);
        Object share = clio.batchShare("companies", CrmAnswer.of(answer), "primary_web_site", List.of("acme.io"));
        assertThat(clio.records("companies", CrmAnswer.of(share))).extracting(CrmRecord::id).containsExactly("3");
    }

    @Test
    void associationsAreRelationshipFieldsAndWhatClioCannotDoIsRefused() throws Exception {
        CrmRequest link = clio.associate("contacts", "12", "companies", "3");
        assertThat(link.method()).isEqualTo("PATCH");
        assertThat(link.path()).isEqualTo("/contacts/12.json");
        assertThat(link.body()).isEqualTo(Map.of("data", Map.of("company", Map.of("id", 3L))));
        assertThat(clio.associate("deals", "40", "contacts", "12").body())
                .isEqualTo(Map.of("data", Map.of("client", Map.of("id", 12L))));
        assertThatThrownBy(() -> clio.associate("deals", "40", "companies", "3"))
                .isInstanceOf(UnsupportedOperationException.class);

        CrmRequest matters = clio.listAssociations("contacts", "12", "deals");
        assertThat(matters.path()).isEqualTo("/matters.json");
        assertThat(query(matters)).containsEntry("client_id", "12");
        assertThat(clio.associatedIds(CrmAnswer.of(json.readValue("{\"data\":[{\"id\":40},{\"id\":41}]}", Object.class))))
                .containsExactly("40", "41");
        assertThat(clio.associatedIds(CrmAnswer.of(json.readValue("{\"data\":{\"id\":12,\"company\":{\"id\":3,\"name\":\"X\"}}}", Object.class))))
                .containsExactly("3");
    }

    @Test
    void noBatchesNoKeyedUpsertsNoHistory() {
        assertThat(clio.maxBatchSize()).isEqualTo(1);
        assertThat(clio.capabilities()).doesNotContain(Capability.BATCH, Capability.KEYED_UPSERT,
                Capability.PROPERTY_HISTORY, Capability.SEARCH_BY_PROPERTY, Capability.ASSOCIATIONS_API)
                .contains(Capability.RELATIONSHIP_FIELDS, Capability.OWNERS);
        assertThat(clio).isNotInstanceOf(io.crmbridge.crm.PropertyHistory.class)
                .isNotInstanceOf(io.crmbridge.crm.BridgeProperties.class);
        assertThatThrownBy(() -> clio.upsert("companies", "crmbridge_key", Map.of("k", Map.of())))
                .isInstanceOf(UnsupportedOperationException.class);
        CrmRequest read = clio.batch("deals", BatchOperation.READ, List.of(Map.of("id", "40"), Map.of("id", "41")), null,
                List.of("status"));
        assertThat(read.path()).isEqualTo("/matters.json");
        assertThat(read.query()).contains("ids%5B%5D=40&ids%5B%5D=41");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNoteKeepsTheBridgesKeyInItsSubjectAndIsReadByItWhileACreateIsNeverSentTwice() {
        assertThat(clio.keepsKeyOf("notes")).isTrue();
        assertThat(clio.keepsKeyOf("contacts")).isFalse();
        CrmRequest create = clio.create("notes", Map.of("detail", "lead event from webform\nSummary: x",
                "crmbridge_key", "note:e-1"), Map.of("deals", "40"));
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) create.body()).get("data");
        assertThat(data).containsEntry("subject", "lead event from webform [note:e-1]").doesNotContainKey("crmbridge_key")
                .containsEntry("type", "Matter");
        CrmRecord note = ClioShapes.record(Map.of("id", 9, "subject", "lead event from webform [note:e-1]"));
        assertThat(note.property("crmbridge_key")).isEqualTo("note:e-1");
        CrmRequest read = clio.readByKey("notes", "crmbridge_key", List.of("note:e-1"), List.of("detail"));
        assertThat(read.path()).isEqualTo("/notes.json");
        assertThat(query(read)).containsEntry("query", "note:e-1").containsEntry("type", "Matter");
        assertThat(query(read).get("fields")).contains("subject").doesNotContain("crmbridge_key");
        assertThatThrownBy(() -> clio.readByKey("companies", "crmbridge_key", List.of("a.example"), List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        // a plain create whose answer was lost is not sent again; reads and updates may be
        assertThat(clio.resendable("POST", "/contacts.json")).isFalse();
        assertThat(clio.resendable("GET", "/contacts.json")).isTrue();
        assertThat(clio.resendable("PATCH", "/contacts/1.json")).isTrue();
    }

    @Test
    void ownersAreUsers() throws Exception {
        assertThat(clio.owner("7").path()).isEqualTo("/users/7.json");
        Object users = json.readValue("""
                {"data":[{"id":7,"name":"Sam","email":"sam@firm.io","enabled":true},
                         {"id":8,"name":"Old","email":"old@firm.io","enabled":false}]}
                """, Object.class);
        assertThat(clio.owners(CrmAnswer.of(users))).extracting(o -> o.id() + ":" + o.email() + ":" + o.active())
                .containsExactly("7:sam@firm.io:true", "8:old@firm.io:false");
    }

    @Test
    void errorsAndRateLimitHeaders() {
        String body = "{\"error\":{\"type\":\"UnprocessableEntity\",\"message\":\"Client can't be blank\"}}";
        CrmCallException invalid = clio.classify("clio", 422, body).orElseThrow();
        assertThat(invalid.kind()).isEqualTo(CrmCallException.Kind.REVIEW);
        assertThat(invalid.getMessage()).contains("Client can't be blank");
        assertThat(clio.classify("clio", 412, "{}").orElseThrow().kind()).isEqualTo(CrmCallException.Kind.RETRYABLE);
        assertThat(clio.classify("clio", 429, "{}").orElseThrow().kind()).isEqualTo(CrmCallException.Kind.RETRYABLE);
        assertThat(clio.classify("clio", 401, "{}").orElseThrow().kind()).isEqualTo(CrmCallException.Kind.OPERATOR);
        assertThat(clio.classify("clio", 200, "{}")).isEmpty();

        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        assertThat(ClioErrors.exhaustedWindow("0", String.valueOf(now.getEpochSecond() + 42), now)).contains(Duration.ofSeconds(42));
        assertThat(ClioErrors.exhaustedWindow("0", "17", now)).contains(Duration.ofSeconds(17));
        assertThat(ClioErrors.exhaustedWindow("3", "17", now)).isEmpty();
        assertThat(clio.exhaustedWindow(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "5")::get))
                .contains(Duration.ofSeconds(5));
    }

    private static Map<String, String> query(CrmRequest request) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : request.query().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
