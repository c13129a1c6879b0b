package io.crmbridge.sandbox.objects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers searches. A query sorted by modification time walks the ordered (modification time, id) index from the
 * lowest bound its filters allow, and a query sorted by id (or not sorted) walks the id order; neither sorts
 * anything but runs of equal times. Any other sort scans the type and sorts the matches. Only the first sort is
 * honoured, as HubSpot documents ("only one sorting rule can be applied to any search"); results sharing their sort
 * value come in the {@link TieOrder} (by default seeded random, as HubSpot promises no order), so only a sort by
 * {@code hs_object_id} is a total order. While the search index lags writes ({@link SearchIndexLag}), every search
 * scans the versions the index holds.
 */
@ApplicationScoped
public class SearchEngine {

    /** How a search is answered: {@code AUTO} uses the indexes where it can; {@code SCAN} never does (baseline). */
    public enum Strategy {
        AUTO, SCAN
    }

    private final RecordStore store;
    private final TieOrder ties;

    /** An engine with ties in the default seeded random order. */
    public SearchEngine(RecordStore store) {
        this(store, new TieOrder(new TieOrder.Setting(TieOrder.Mode.RANDOM, 42)));
    }

    @Inject
    public SearchEngine(RecordStore store, TieOrder ties) {
        this.store = store;
        this.ties = ties;
    }

    public SearchResult search(ObjectType type, SearchQuery query) {
        return search(type, query, Strategy.AUTO);
    }

    public SearchResult search(ObjectType type, SearchQuery query, Strategy strategy) {
        return store.read(type, table -> {
            SearchQuery.SortKey sort = query.sorts().isEmpty() ? null : query.sorts().get(0);
            List<SearchQuery.SortKey> sorts = sort == null ? List.of() : List.of(sort);
            Comparator<CrmRecord> tie = ties.comparator();
            if (table.searchLags()) {
                long now = System.nanoTime();
                return scan(type, table, query, r -> table.searchVersion(r, now), sorts, tie);
            }
            if (strategy == Strategy.AUTO) {
                if (sort != null && PropertyCatalog.OBJECT_ID.equals(sort.property()) && !sort.descending()) {
                    NavigableMap<ModificationKey, CrmRecord> tieGroup = tieGroupAboveId(table, query);
                    if (tieGroup != null) {
                        return onlyTimeAndIdBounds(type, query)
                                ? pageOfAll(tieGroup.values(), tieGroup.size(), query)
                                : page(tieGroup.values(), query);
                    }
                }
                if (sort == null || PropertyCatalog.OBJECT_ID.equals(sort.property())) {
                    boolean desc = sort != null && sort.descending();
                    NavigableMap<Long, CrmRecord> byId = desc ? table.live().descendingMap() : table.live();
                    return page(byId.values(), query);
                }
                if (PropertyCatalog.isModificationTime(type, sort.property())) {
                    NavigableMap<ModificationKey, CrmRecord> slice = modificationSlice(table, query);
                    Iterable<CrmRecord> ordered = !sort.descending() && ties.byIdAscending() ? slice.values()
                            : () -> new TieRuns((sort.descending() ? slice.descendingMap() : slice).values().iterator(),
                                    tie);
                    return rangeIsTheWholeFilter(type, query)
                            ? pageOfAll(ordered, sizeOf(slice, table.byModified()), query)
                            : page(ordered, query);
                }
            }
            return scan(type, table, query, Function.identity(), sorts, tie);
        });
    }

    // --- index walk -----------------------------------------------------------------------------------------

    private static NavigableMap<ModificationKey, CrmRecord> modificationSlice(TypeTable table, SearchQuery query) {
        long[] range = modificationRange(table.type, query);
        if (range[0] > range[1]) {
            // No time can match (e.g. after t and before t + 1 ms: a poll whose cursor is at its settle bound).
            return java.util.Collections.emptyNavigableMap();
        }
        return table.byModified().subMap(new ModificationKey(range[0], Long.MIN_VALUE), true,
                new ModificationKey(range[1], Long.MAX_VALUE), true);
    }

    /**
     * A tie group sorted by id ({@code modified = t AND hs_object_id > x}, one filter group): the index entries from
     * (t, x + 1) to (t, max) are exactly its candidates, already in id order, so no other record is looked at and
     * nothing is sorted. Null when the query is not of that shape (one modification time, in one group).
     */
    static NavigableMap<ModificationKey, CrmRecord> tieGroupAboveId(TypeTable table, SearchQuery query) {
        if (query.groups().size() != 1) {
            return null;
        }
        long[] range = modificationRange(table.type, query);
        if (range[0] != range[1]) {
            return null;
        }
        long lowId = Long.MIN_VALUE;
        for (Condition c : query.groups().get(0)) {
            if (PropertyCatalog.OBJECT_ID.equals(c.property()) && c.value() instanceof Number n) {
                switch (c.operator()) {
                    case GT -> lowId = Math.max(lowId, (long) Math.floor(n.doubleValue()) + 1);
                    case GTE, EQ -> lowId = Math.max(lowId, (long) Math.ceil(n.doubleValue()));
                    default -> {
                    }
                }
            }
        }
        return table.byModified().subMap(new ModificationKey(range[0], lowId), true,
                new ModificationKey(range[0], Long.MAX_VALUE), true);
    }

    /** True when the one group filters on the modification time and a lower bound of the id only. */
    static boolean onlyTimeAndIdBounds(ObjectType type, SearchQuery query) {
        if (query.text() != null) {
            return false;
        }
        for (Condition c : query.groups().get(0)) {
            boolean idBound = PropertyCatalog.OBJECT_ID.equals(c.property())
                    && (c.operator() == Condition.Operator.GT || c.operator() == Condition.Operator.GTE);
            if (!idBound && !PropertyCatalog.isModificationTime(type, c.property())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of entries in {@code slice}, counted from whichever is smaller, the slice or the rest of the
     * index (a backfill from the beginning of time then costs nothing): both are walked in step until one ends.
     */
    static int sizeOf(NavigableMap<ModificationKey, CrmRecord> slice, NavigableMap<ModificationKey, CrmRecord> all) {
        if (slice.isEmpty()) {
            return 0;
        }
        Iterator<ModificationKey> inside = slice.keySet().iterator();
        Iterator<ModificationKey> before = all.headMap(slice.firstKey(), false).keySet().iterator();
        Iterator<ModificationKey> after = all.tailMap(slice.lastKey(), false).keySet().iterator();
        int in = 0;
        int out = 0;
        while (true) {
            if (!inside.hasNext()) {
                return in;
            }
            inside.next();
            in++;
            if (before.hasNext()) {
                before.next();
                out++;
            } else if (after.hasNext()) {
                after.next();
                out++;
            } else {
                return all.size() - out;
            }
        }
    }

    /** True when the query filters on nothing but a modification-time range (one group): the slice is the result. */
    static boolean rangeIsTheWholeFilter(ObjectType type, SearchQuery query) {
        if (query.text() != null || query.groups().size() > 1) {
            return false;
        }
        for (List<Condition> group : query.groups()) {
            for (Condition c : group) {
                boolean rangeOperator = switch (c.operator()) {
                    case GT, GTE, LT, LTE, EQ, BETWEEN -> true;
                    default -> false;
                };
                if (!rangeOperator || !PropertyCatalog.isModificationTime(type, c.property())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every record of {@code ordered} matches: skip to the offset, take the page, no filter evaluation. */
    private static SearchResult pageOfAll(Iterable<CrmRecord> ordered, int total, SearchQuery query) {
        int from = query.offset();
        int to = Math.min(Math.min(from + query.limit(), SearchQuery.RESULT_CAP), total);
        List<CrmRecord> page = new ArrayList<>(Math.max(0, to - from));
        Iterator<CrmRecord> it = ordered.iterator();
        for (int i = 0; i < to && it.hasNext(); i++) {
            CrmRecord r = it.next();
            if (i >= from) {
                page.add(r);
            }
        }
        return result(total, page, query);
    }

    /**
     * The smallest [low, high] of modification times that holds every match: each group's bounds from its
     * conditions on the modification time, joined over the groups (a group without a bound opens the range).
     */
    static long[] modificationRange(ObjectType type, SearchQuery query) {
        if (query.groups().isEmpty()) {
            return new long[] { Long.MIN_VALUE, Long.MAX_VALUE };
        }
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (List<Condition> group : query.groups()) {
            long gLow = Long.MIN_VALUE;
            long gHigh = Long.MAX_VALUE;
            for (Condition c : group) {
                if (!PropertyCatalog.isModificationTime(type, c.property())) {
                    continue;
                }
                switch (c.operator()) {
                    case GT -> gLow = Math.max(gLow, saturatedIncrement((Long) c.value()));
                    case GTE -> gLow = Math.max(gLow, (Long) c.value());
                    case LT -> gHigh = Math.min(gHigh, (Long) c.value() - 1);
                    case LTE -> gHigh = Math.min(gHigh, (Long) c.value());
                    case EQ -> {
                        gLow = Math.max(gLow, (Long) c.value());
                        gHigh = Math.min(gHigh, (Long) c.value());
                    }
                    case BETWEEN -> {
                        gLow = Math.max(gLow, (Long) c.value());
                        gHigh = Math.min(gHigh, (Long) c.highValue());
                    }
                    default -> {
                    }
                }
            }
            low = Math.min(low, gLow);
            high = Math.max(high, gHigh);
        }
        return low > high ? new long[] { 0, -1 } : new long[] { low, high };
    }

    private static long saturatedIncrement(long v) {
        return v == Long.MAX_VALUE ? v : v + 1;
    }

    // --- scan -----------------------------------------------------------------------------------------------

    /** Every live record as {@code indexed} shows it (null: not in the index yet), filtered and sorted. */
    private static SearchResult scan(ObjectType type, TypeTable table, SearchQuery query,
            Function<CrmRecord, CrmRecord> indexed, List<SearchQuery.SortKey> sorts, Comparator<CrmRecord> tie) {
        List<CrmRecord> matches = new ArrayList<>();
        for (CrmRecord live : table.live().values()) {
            CrmRecord r = indexed.apply(live);
            if (r != null && matches(r, query)) {
                matches.add(r);
            }
        }
        matches.sort(sorts.isEmpty() ? Comparator.comparingLong(CrmRecord::id) : comparator(type, sorts, tie));
        int end = Math.min(Math.min(query.offset() + query.limit(), matches.size()), SearchQuery.RESULT_CAP);
        List<CrmRecord> page = query.offset() >= end ? List.of() : List.copyOf(matches.subList(query.offset(), end));
        return result(matches.size(), page, query);
    }

    static Comparator<CrmRecord> comparator(ObjectType type, List<SearchQuery.SortKey> sorts,
            Comparator<CrmRecord> tie) {
        Comparator<CrmRecord> c = (a, b) -> 0;
        for (SearchQuery.SortKey key : sorts) {
            Function<CrmRecord, Comparable<?>> reader = PropertyAccess.reader(type, key.property());
            Comparator<Comparable<?>> values = (x, y) -> PropertyAccess.compare(x, y);
            Comparator<Comparable<?>> ordered = key.descending() ? values.reversed() : values;
            c = c.thenComparing(reader, key.descending() ? Comparator.nullsFirst(ordered)
                    : Comparator.nullsLast(ordered));
        }
        return c.thenComparing(tie);
    }

    // --- shared ---------------------------------------------------------------------------------------------

    /** Walks records already in result order: counts every match, keeps the page's slice (below the cap). */
    private static SearchResult page(Iterable<CrmRecord> ordered, SearchQuery query) {
        int from = query.offset();
        int to = Math.min(from + query.limit(), SearchQuery.RESULT_CAP);
        List<CrmRecord> page = new ArrayList<>(Math.max(0, to - from));
        int matched = 0;
        for (CrmRecord r : ordered) {
            if (matches(r, query)) {
                if (matched >= from && matched < to) {
                    page.add(r);
                }
                matched++;
            }
        }
        return result(matched, page, query);
    }

    private static SearchResult result(int total, List<CrmRecord> page, SearchQuery query) {
        int end = query.offset() + page.size();
        Integer next = total > end && !page.isEmpty() ? end : null;
        return new SearchResult(total, page, next);
    }

    static boolean matches(CrmRecord r, SearchQuery query) {
        if (query.text() != null && !containsText(r, query.text())) {
            return false;
        }
        if (query.groups().isEmpty()) {
            return true;
        }
        for (List<Condition> group : query.groups()) {
            if (allMatch(r, group)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allMatch(CrmRecord r, List<Condition> group) {
        for (Condition c : group) {
            if (!c.test(r)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsText(CrmRecord r, String text) {
        for (Map.Entry<String, String> e : r.properties().entrySet()) {
            if (PropertyCatalog.typeOf(r.type(), e.getKey()) == PropertyType.STRING
                    && e.getValue().toLowerCase(java.util.Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Orders each run of equal modification times of a walk by the tie comparator; the runs keep their order. */
    private static final class TieRuns implements Iterator<CrmRecord> {
        private final Iterator<CrmRecord> source;
        private final Comparator<CrmRecord> tie;
        private final List<CrmRecord> run = new ArrayList<>();
        private int next;
        private CrmRecord pending;

        TieRuns(Iterator<CrmRecord> source, Comparator<CrmRecord> tie) {
            this.source = source;
            this.tie = tie;
        }

        @Override
        public boolean hasNext() {
            return next < run.size() || pending != null || source.hasNext();
        }

        @Override
        public CrmRecord next() {
            if (next == run.size()) {
                run.clear();
                next = 0;
                CrmRecord first = pending != null ? pending : source.next();
                pending = null;
                run.add(first);
                while (source.hasNext()) {
                    CrmRecord r = source.next();
                    if (!r.updatedAt().equals(first.updatedAt())) {
                        pending = r;
                        break;
                    }
                    run.add(r);
                }
                if (run.size() > 1) {
                    run.sort(tie);
                }
            }
            return run.get(next++);
        }
    }
}
