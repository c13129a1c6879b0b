package io.crmbridge.sandbox.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ties in no promised order: records sharing a modification time come in a seeded random order, stable from page to
 * page; only a sort by {@code hs_object_id} is a total order; a second sort is not honoured.
 */
class SearchTieOrderTest {

    private static final Instant T0 = Instant.parse("2026-05-31T23:59:59Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordStore store;
    private TieOrder ties;
    private SearchEngine engine;
    private List<Long> tied;

    @BeforeEach
    void setUp() {
        store = new RecordStore(new SandboxClock(Clock.fixed(T0, ZoneOffset.UTC)));
        ties = new TieOrder(new TieOrder.Setting(TieOrder.Mode.RANDOM, 42));
        engine = new SearchEngine(store, ties);
        List<RecordStore.NewRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Instant t = i % 5 == 0 ? T0.minusSeconds(i + 1) : T0;
            records.add(new RecordStore.NewRecord(Map.of("email", "t" + i + "@x.test"), t, t));
        }
        tied = store.insertAll(ObjectType.CONTACTS, records).stream().filter(r -> r.updatedAt().equals(T0))
                .map(CrmRecord::id).toList();
    }

    private List<Long> pages(String filters, String sorts, int limit) throws Exception {
        List<Long> ids = new ArrayList<>();
        String after = null;
        do {
            String body = "{\"filterGroups\":[{\"filters\":[" + filters + "]}],\"sorts\":[" + sorts + "],\"limit\":"
                    + limit + (after == null ? "" : ",\"after\":\"" + after + "\"") + "}";
            SearchResult r = engine.search(ObjectType.CONTACTS,
                    SearchQueryParser.parse(ObjectType.CONTACTS, JSON.readValue(body, SearchRequest.class)));
            r.results().forEach(c -> ids.add(c.id()));
            after = r.nextAfter() == null ? null : r.nextAfter().toString();
        } while (after != null);
        return ids;
    }

    private static String eq(String property, Object value) {
        return "{\"propertyName\":\"" + property + "\",\"operator\":\"EQ\",\"value\":\"" + value + "\"}";
    }

    private static final String BY_TIME = "{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":\"ASCENDING\"}";
    private static final String BY_ID = "{\"propertyName\":\"hs_object_id\",\"direction\":\"ASCENDING\"}";

    @Test
    void tiesComeInASeededRandomOrderThatPagingWalksOnce() throws Exception {
        String filter = eq("hs_lastmodifieddate", T0.toEpochMilli());
        List<Long> random = pages(filter, BY_TIME, 37);
        assertThat(random).hasSize(400).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tied);
        assertThat(random).isNotEqualTo(tied);
        // The first page's highest id is not a cursor: a lower id is still to come on a later page.
        long highestOnFirstPage = random.subList(0, 37).stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(random.subList(37, random.size())).anyMatch(id -> id < highestOnFirstPage);

        assertThat(pages(filter, BY_TIME, 200)).isEqualTo(random);
        ties.set(new TieOrder.Setting(TieOrder.Mode.RANDOM, 7));
        assertThat(pages(filter, BY_TIME, 200)).isNotEqualTo(random).containsExactlyInAnyOrderElementsOf(tied);
        ties.set(new TieOrder.Setting(TieOrder.Mode.ID, 0));
        assertThat(pages(filter, BY_TIME, 200)).isEqualTo(tied);
    }

    @Test
    void aRangeSortedByTimeKeepsTimeOrderAndShufflesOnlyTies() throws Exception {
        List<Long> all = pages("{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"GTE\",\"value\":\"0\"}",
                BY_TIME, 200);
        assertThat(all).hasSize(500);
        List<Instant> times = all.stream().map(id -> store.get(ObjectType.CONTACTS, id, false).orElseThrow()
                .updatedAt()).toList();
        assertThat(times).isSorted();
        assertThat(all.subList(100, 500)).containsExactlyInAnyOrderElementsOf(tied).isNotEqualTo(tied);
    }

    @Test
    void theTieGroupSortedByObjectIdIsATotalOrderToPageByIdCursor() throws Exception {
        String filter = eq("hs_lastmodifieddate", T0.toEpochMilli());
        assertThat(pages(filter, BY_ID, 50)).isEqualTo(tied);
        // Paged by restarting after the last id seen, as a poller pages a tie group.
        List<Long> seen = new ArrayList<>();
        long last = 0;
        while (true) {
            String body = "{\"filterGroups\":[{\"filters\":[" + filter + ",{\"propertyName\":\"hs_object_id\","
                    + "\"operator\":\"GT\",\"value\":\"" + last + "\"}]}],\"sorts\":[" + BY_ID + "],\"limit\":64}";
            List<Long> page = engine.search(ObjectType.CONTACTS, SearchQueryParser.parse(ObjectType.CONTACTS,
                    JSON.readValue(body, SearchRequest.class))).results().stream().map(CrmRecord::id).toList();
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            last = page.get(page.size() - 1);
        }
        assertThat(seen).isEqualTo(tied);
    }

    @Test
    void aTieGroupSortedByIdIsASubRangeOfTheModificationIndex() throws Exception {
        long after = tied.get(99);
        SearchQuery query = SearchQueryParser.parse(ObjectType.CONTACTS, JSON.readValue("{\"filterGroups\":[{\"filters\":["
                + eq("lastmodifieddate", T0.toEpochMilli()) + ",{\"propertyName\":\"hs_object_id\",\"operator\":\"GT\","
                + "\"value\":\"" + after + "\"}]}],\"sorts\":[" + BY_ID + "],\"limit\":10}", SearchRequest.class));
        var candidates = store.read(ObjectType.CONTACTS, table -> List.copyOf(
                SearchEngine.tieGroupAboveId(table, query).values()));
        // Only the rest of the tie group is walked (not the other 100 records, nor the first 100 ties), in id order.
        assertThat(candidates).extracting(CrmRecord::id).isEqualTo(tied.subList(100, tied.size()));
        SearchResult page = engine.search(ObjectType.CONTACTS, query);
        assertThat(page.total()).isEqualTo(300);
        assertThat(page.results()).extracting(CrmRecord::id).isEqualTo(tied.subList(100, 110));
    }

    @Test
    void onlyTheFirstSortIsHonoured() throws Exception {
        String filter = eq("hs_lastmodifieddate", T0.toEpochMilli());
        assertThat(pages(filter, BY_TIME + "," + BY_ID, 200)).isEqualTo(pages(filter, BY_TIME, 200))
                .isNotEqualTo(tied);
    }

    @Test
    void scanAndIndexAgreeOnRandomTies() throws Exception {
        String body = "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"GTE\","
                + "\"value\":\"0\"},{\"propertyName\":\"email\",\"operator\":\"HAS_PROPERTY\"}]}],"
                + "\"sorts\":[\"-hs_lastmodifieddate\"],\"limit\":200,\"after\":\"50\"}";
        SearchQuery q = SearchQueryParser.parse(ObjectType.CONTACTS, JSON.readValue(body, SearchRequest.class));
        assertThat(engine.search(ObjectType.CONTACTS, q).results())
                .isEqualTo(engine.search(ObjectType.CONTACTS, q, SearchEngine.Strategy.SCAN).results())
                .hasSize(200);
    }
}
