package io.crmbridge.sandbox.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Search logic without HTTP: filters, sorts, tie-breaking, paging, the 10,000 cap, and index vs scan agreement. */
class SearchEngineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxClock clock;
    private RecordStore store;
    private SearchEngine engine;
    /** Ties by id: for the tests that check the order of ties. */
    private SearchEngine byId;

    @BeforeEach
    void setUp() {
        clock = new SandboxClock(Clock.fixed(T0, ZoneOffset.UTC));
        store = new RecordStore(clock);
        engine = new SearchEngine(store);
        byId = new SearchEngine(store, TieOrder.byId());
    }

    private CrmRecord contactAt(long secondsAfterT0, String email, String stage) {
        clock.setOffset(Duration.ofSeconds(secondsAfterT0));
        return store.create(ObjectType.CONTACTS, Map.of("email", email, "lifecyclestage", stage), true);
    }

    private SearchResult search(String body) throws Exception {
        return search(engine, body);
    }

    private static SearchResult search(SearchEngine engine, String body) throws Exception {
        SearchRequest req = JSON.readValue(body, SearchRequest.class);
        return engine.search(ObjectType.CONTACTS, SearchQueryParser.parse(ObjectType.CONTACTS, req));
    }

    private static List<Long> ids(SearchResult r) {
        return r.results().stream().map(CrmRecord::id).toList();
    }

    @Test
    void gteOnModificationTimeSortedAscendingUsesTimeThenId() throws Exception {
        CrmRecord a = contactAt(30, "a@x.test", "lead");
        CrmRecord b = contactAt(10, "b@x.test", "lead");
        CrmRecord c = contactAt(20, "c@x.test", "customer");
        CrmRecord d = contactAt(10, "d@x.test", "lead");
        SearchResult r = search(byId, """
                {"filterGroups":[{"filters":[{"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"%d"}]}],
                 "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],"limit":10}
                """.formatted(T0.plusSeconds(10).toEpochMilli()));
        assertThat(ids(r)).containsExactly(b.id(), d.id(), c.id(), a.id());
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.nextAfter()).isNull();
    }

    @Test
    void gtExcludesTheBoundAndAcceptsIsoValues() throws Exception {
        contactAt(10, "a@x.test", "lead");
        CrmRecord b = contactAt(11, "b@x.test", "lead");
        SearchResult r = search("""
                {"filterGroups":[{"filters":[{"propertyName":"lastmodifieddate","operator":"GT","value":"%s"}]}],
                 "sorts":["hs_lastmodifieddate"]}
                """.formatted(Timestamps.format(T0.plusSeconds(10))));
        assertThat(ids(r)).containsExactly(b.id());
    }

    @Test
    void descendingBreaksTiesByIdAscending() throws Exception {
        CrmRecord a = contactAt(10, "a@x.test", "lead");
        CrmRecord b = contactAt(20, "b@x.test", "lead");
        CrmRecord c = contactAt(20, "c@x.test", "lead");
        SearchResult r = search(byId, "{\"sorts\":[\"-hs_lastmodifieddate\"]}");
        assertThat(ids(r)).containsExactly(b.id(), c.id(), a.id());
        SearchResult scan = byId.search(ObjectType.CONTACTS, SearchQueryParser.parse(ObjectType.CONTACTS,
                JSON.readValue("{\"sorts\":[\"-hs_lastmodifieddate\"]}", SearchRequest.class)),
                SearchEngine.Strategy.SCAN);
        assertThat(ids(scan)).isEqualTo(ids(r));
    }

    @Test
    void groupsAreOrAndFiltersWithinAGroupAreAnd() throws Exception {
        CrmRecord a = contactAt(1, "a@x.test", "lead");
        contactAt(2, "b@x.test", "customer");
        CrmRecord c = contactAt(3, "c@x.test", "customer");
        SearchResult r = search("""
                {"filterGroups":[
                  {"filters":[{"propertyName":"email","operator":"EQ","value":"A@X.test"}]},
                  {"filters":[{"propertyName":"lifecyclestage","operator":"EQ","value":"customer"},
                              {"propertyName":"createdate","operator":"GT","value":"%d"}]}]}
                """.formatted(T0.plusSeconds(2).toEpochMilli()));
        assertThat(ids(r)).containsExactly(a.id(), c.id());
    }

    @Test
    void everyOperatorFilters() throws Exception {
        CrmRecord a = contactAt(1, "a@x.test", "lead");
        CrmRecord b = contactAt(2, "b@x.test", "customer");
        store.update(ObjectType.CONTACTS, a.id(), Map.of("phone", "+1 555 0100"));
        String tmpl = "{\"filterGroups\":[{\"filters\":[%s]}]}";
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"lifecyclestage\",\"operator\":\"NEQ\",\"value\":\"lead\"}"))))
                .containsExactly(b.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"lifecyclestage\",\"operator\":\"IN\",\"values\":[\"lead\",\"other\"]}"))))
                .containsExactly(a.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"lifecyclestage\",\"operator\":\"NOT_IN\",\"values\":[\"lead\"]}"))))
                .containsExactly(b.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"phone\",\"operator\":\"HAS_PROPERTY\"}"))))
                .containsExactly(a.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"phone\",\"operator\":\"NOT_HAS_PROPERTY\"}"))))
                .containsExactly(b.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"hs_object_id\",\"operator\":\"LT\",\"value\":\"" + b.id() + "\"}"))))
                .containsExactly(a.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"hs_object_id\",\"operator\":\"LTE\",\"value\":\"" + b.id() + "\"}"))))
                .containsExactly(a.id(), b.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"email\",\"operator\":\"CONTAINS_TOKEN\",\"value\":\"b@\"}"))))
                .containsExactly(b.id());
        assertThat(ids(search(tmpl.formatted("{\"propertyName\":\"createdate\",\"operator\":\"BETWEEN\",\"value\":\"%d\",\"highValue\":\"%d\"}"
                .formatted(T0.toEpochMilli(), T0.plusSeconds(1).toEpochMilli()))))).containsExactly(a.id());
    }

    @Test
    void sortsByOtherPropertiesWithTiesById() throws Exception {
        CrmRecord a = contactAt(1, "z@x.test", "lead");
        CrmRecord b = contactAt(2, "m@x.test", "customer");
        CrmRecord c = contactAt(3, "a@x.test", "customer");
        assertThat(ids(search("{\"sorts\":[{\"propertyName\":\"email\",\"direction\":\"ASCENDING\"}]}")))
                .containsExactly(c.id(), b.id(), a.id());
        assertThat(ids(search(byId, "{\"sorts\":[{\"propertyName\":\"lifecyclestage\",\"direction\":\"ASCENDING\"}]}")))
                .containsExactly(b.id(), c.id(), a.id());
    }

    @Test
    void pagesWithAfterAndReportsTheTotal() throws Exception {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(contactAt(i % 5, "p" + i + "@x.test", "lead").id());
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        do {
            SearchResult r = search("{\"sorts\":[\"hs_lastmodifieddate\"],\"limit\":7"
                    + (after == null ? "" : ",\"after\":\"" + after + "\"") + "}");
            assertThat(r.total()).isEqualTo(25);
            seen.addAll(ids(r));
            after = r.nextAfter() == null ? null : r.nextAfter().toString();
        } while (after != null);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void resultsStopAtTenThousandAndAfterBeyondIsRejected() throws Exception {
        List<RecordStore.NewRecord> many = new ArrayList<>();
        for (int i = 0; i < 10_050; i++) {
            many.add(new RecordStore.NewRecord(Map.of("email", "cap" + i + "@x.test"), T0, T0));
        }
        store.insertAll(ObjectType.CONTACTS, many);
        SearchResult last = search("{\"sorts\":[\"hs_lastmodifieddate\"],\"limit\":200,\"after\":\"9900\"}");
        assertThat(last.total()).isEqualTo(10_050);
        assertThat(last.results()).hasSize(100);
        assertThat(last.nextAfter()).isEqualTo(10_000);
        assertThatThrownBy(() -> search("{\"limit\":10,\"after\":\"10000\"}"))
                .isInstanceOfSatisfying(SandboxApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void limitAboveTwoHundredIsRejected() {
        assertThatThrownBy(() -> search("{\"limit\":201}"))
                .isInstanceOfSatisfying(SandboxApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> search("{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"email\",\"operator\":\"LIKE\",\"value\":\"x\"}]}]}"))
                .isInstanceOf(SandboxApiException.class);
        assertThatThrownBy(() -> search("{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"createdate\",\"operator\":\"GT\",\"value\":\"yesterday\"}]}]}"))
                .isInstanceOf(SandboxApiException.class);
    }

    @Test
    void indexAndScanAgreeOnRandomData() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<RecordStore.NewRecord> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Instant t = T0.plusMillis(random.nextInt(500));
            many.add(new RecordStore.NewRecord(Map.of("email", "r" + i + "@x.test",
                    "lifecyclestage", random.nextBoolean() ? "lead" : "customer"), t, t));
        }
        store.insertAll(ObjectType.CONTACTS, many);
        for (String dir : List.of("ASCENDING", "DESCENDING")) {
            String body = """
                    {"filterGroups":[
                       {"filters":[{"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"%d"},
                                   {"propertyName":"lifecyclestage","operator":"EQ","value":"lead"}]},
                       {"filters":[{"propertyName":"hs_lastmodifieddate","operator":"LT","value":"%d"}]}],
                     "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"%s"}],"limit":200,"after":"150"}
                    """.formatted(T0.plusMillis(300).toEpochMilli(), T0.plusMillis(50).toEpochMilli(), dir);
            SearchRequest req = JSON.readValue(body, SearchRequest.class);
            SearchQuery q = SearchQueryParser.parse(ObjectType.CONTACTS, req);
            SearchResult indexed = engine.search(ObjectType.CONTACTS, q);
            SearchResult scanned = engine.search(ObjectType.CONTACTS, q, SearchEngine.Strategy.SCAN);
            assertThat(indexed.total()).isEqualTo(scanned.total()).isPositive();
            assertThat(ids(indexed)).isEqualTo(ids(scanned)).isNotEmpty();
            assertThat(indexed.nextAfter()).isEqualTo(scanned.nextAfter());
        }
    }

    @Test
    void modificationRangeJoinsGroupBounds() throws Exception {
        SearchQuery q = SearchQueryParser.parse(ObjectType.CONTACTS, JSON.readValue("""
                {"filterGroups":[{"filters":[{"propertyName":"hs_lastmodifieddate","operator":"GT","value":"100"}]},
                                 {"filters":[{"propertyName":"hs_lastmodifieddate","operator":"BETWEEN","value":"50","highValue":"60"}]}]}
                """, SearchRequest.class));
        assertThat(SearchEngine.modificationRange(ObjectType.CONTACTS, q)).containsExactly(50L, Long.MAX_VALUE);
    }

    @Test
    void updatesMoveRecordsInTheIndex() throws Exception {
        CrmRecord a = contactAt(1, "a@x.test", "lead");
        CrmRecord b = contactAt(2, "b@x.test", "lead");
        clock.setOffset(Duration.ofSeconds(3));
        store.update(ObjectType.CONTACTS, a.id(), Map.of("firstname", "Ada"));
        assertThat(ids(search("{\"sorts\":[\"hs_lastmodifieddate\"]}"))).containsExactly(b.id(), a.id());
        store.archive(ObjectType.CONTACTS, b.id());
        assertThat(ids(search("{\"sorts\":[\"hs_lastmodifieddate\"]}"))).containsExactly(a.id());
    }

    @Test
    void rangeOnlyQueriesTakeTheSliceAndAgreeWithTheScan() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        List<RecordStore.NewRecord> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Instant t = T0.plusMillis(random.nextInt(100));
            many.add(new RecordStore.NewRecord(Map.of("email", "q" + i + "@x.test"), t, t));
        }
        store.insertAll(ObjectType.CONTACTS, many);
        for (String dir : List.of("ASCENDING", "DESCENDING")) {
            for (String after : List.of("0", "37", "990")) {
                String body = """
                        {"filterGroups":[{"filters":[{"propertyName":"hs_lastmodifieddate","operator":"GT","value":"%d"},
                                                     {"propertyName":"hs_lastmodifieddate","operator":"LTE","value":"%d"}]}],
                         "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"%s"}],"limit":50,"after":"%s"}
                        """.formatted(T0.plusMillis(20).toEpochMilli(), T0.plusMillis(80).toEpochMilli(), dir, after);
                SearchQuery q = SearchQueryParser.parse(ObjectType.CONTACTS, JSON.readValue(body, SearchRequest.class));
                assertThat(SearchEngine.rangeIsTheWholeFilter(ObjectType.CONTACTS, q)).isTrue();
                SearchResult indexed = engine.search(ObjectType.CONTACTS, q);
                SearchResult scanned = engine.search(ObjectType.CONTACTS, q, SearchEngine.Strategy.SCAN);
                assertThat(indexed.total()).isEqualTo(scanned.total()).isPositive();
                assertThat(ids(indexed)).isEqualTo(ids(scanned));
                assertThat(indexed.nextAfter()).isEqualTo(scanned.nextAfter());
            }
        }
    }

    @Test
    void sliceSizeIsCountedFromTheSmallerSide() {
        java.util.TreeMap<ModificationKey, CrmRecord> all = new java.util.TreeMap<>();
        for (long i = 0; i < 100; i++) {
            all.put(new ModificationKey(i, i), null);
        }
        for (long lo : new long[] { 0, 1, 10, 50, 99 }) {
            for (long hi : new long[] { lo, 60, 98, 99 }) {
                if (hi >= lo) {
                    var slice = all.subMap(new ModificationKey(lo, 0), true, new ModificationKey(hi, Long.MAX_VALUE), true);
                    assertThat(SearchEngine.sizeOf(slice, all)).as("[%d, %d]", lo, hi).isEqualTo(slice.size());
                }
            }
        }
        assertThat(SearchEngine.sizeOf(all.subMap(new ModificationKey(200, 0), true, new ModificationKey(300, 0), true),
                all)).isZero();
    }
}
