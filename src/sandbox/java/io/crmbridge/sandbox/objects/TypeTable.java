package io.crmbridge.sandbox.objects;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The records of one object type and their indexes: live records by id, archived records, the ordered index on
 * (modification time, id), a value index for each unique property, and what the (lagging) search index still
 * shows of recently written records. Not thread-safe by itself: the {@link RecordStore} guards it with {@link #lock}.
 */
final class TypeTable {

    final ObjectType type;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, CrmRecord> live = new TreeMap<>();
    private final Map<Long, CrmRecord> archived = new HashMap<>();
    private final TreeMap<ModificationKey, CrmRecord> byModified = new TreeMap<>();
    private final Map<String, Map<String, TreeSet<Long>>> unique = new HashMap<>();
    /** Records written while the search index lags: what search shows of them until their versions come due. */
    private final Map<Long, SearchLag> searchLag = new HashMap<>();

    TypeTable(ObjectType type) {
        this.type = type;
        syncUniqueIndexes();
    }

    /**
     * Makes the value indexes match {@link PropertyCatalog#uniqueProperties}: a new unique property gets an index
     * built from the live records, an index whose property is gone is dropped.
     */
    void syncUniqueIndexes() {
        java.util.List<String> wanted = PropertyCatalog.uniqueProperties(type);
        unique.keySet().removeIf(p -> !wanted.contains(p));
        for (String p : wanted) {
            if (!PropertyCatalog.OBJECT_ID.equals(p) && !unique.containsKey(p)) {
                Map<String, TreeSet<Long>> values = new HashMap<>();
                for (CrmRecord r : live.values()) {
                    String v = r.property(p);
                    if (v != null) {
                        values.computeIfAbsent(v.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(r.id());
                    }
                }
                unique.put(p, values);
            }
        }
    }

    NavigableMap<Long, CrmRecord> live() {
        return live;
    }

    NavigableMap<ModificationKey, CrmRecord> byModified() {
        return byModified;
    }

    CrmRecord archived(long id) {
        return archived.get(id);
    }

    Iterable<CrmRecord> archivedRecords() {
        return archived.values();
    }

    /** Replaces {@code previous} (null for a new record) by {@code next} in every index. */
    void putLive(CrmRecord previous, CrmRecord next) {
        if (previous != null) {
            unindex(previous);
        }
        live.put(next.id(), next);
        byModified.put(ModificationKey.of(next), next);
        unique.forEach((prop, values) -> {
            String v = next.property(prop);
            if (v != null) {
                values.computeIfAbsent(v.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(next.id());
            }
        });
    }

    void moveToArchive(CrmRecord current, CrmRecord archivedRecord) {
        unindex(current);
        archived.put(archivedRecord.id(), archivedRecord);
    }

    /** Takes a live record out of every index without archiving it (merged away). */
    void removeLive(CrmRecord current) {
        unindex(current);
    }

    private void unindex(CrmRecord r) {
        live.remove(r.id());
        byModified.remove(ModificationKey.of(r));
        unique.forEach((prop, values) -> {
            String v = r.property(prop);
            if (v != null) {
                String key = v.toLowerCase(Locale.ROOT);
                TreeSet<Long> ids = values.get(key);
                if (ids != null) {
                    ids.remove(r.id());
                    if (ids.isEmpty()) {
                        values.remove(key);
                    }
                }
            }
        });
    }

    /** The lowest id of a live record whose unique property has this value (case-insensitive). */
    Optional<Long> findUnique(String property, String value) {
        if (PropertyCatalog.OBJECT_ID.equals(property)) {
            try {
                long id = Long.parseLong(value.trim());
                return live.containsKey(id) ? Optional.of(id) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Map<String, TreeSet<Long>> values = unique.get(property);
        if (values == null || value == null) {
            return Optional.empty();
        }
        TreeSet<Long> ids = values.get(value.toLowerCase(Locale.ROOT));
        return ids == null || ids.isEmpty() ? Optional.empty() : Optional.of(ids.first());
    }

    boolean isUnique(String property) {
        return unique.containsKey(property);
    }

    void clear() {
        live.clear();
        archived.clear();
        byModified.clear();
        unique.values().forEach(Map::clear);
        searchLag.clear();
    }

    // --- search index lag -------------------------------------------------------------------------------------

    /**
     * Records that search sees {@code next} only from {@code visibleAtNanos} ({@link System#nanoTime()}); until then
     * it sees what it saw before ({@code previous}, or nothing for a new record).
     */
    void lagSearch(CrmRecord previous, CrmRecord next, long visibleAtNanos, long nowNanos) {
        SearchLag lag = searchLag.computeIfAbsent(next.id(), id -> new SearchLag(previous));
        lag.settle(nowNanos);
        lag.pending.addLast(new PendingVersion(next, visibleAtNanos));
        if (searchLag.size() > 10_000) {
            searchLag.values().removeIf(l -> l.settle(nowNanos));
        }
    }

    boolean searchLags() {
        return !searchLag.isEmpty();
    }

    /** The version of a live record that search shows at {@code nowNanos}; null while it is not indexed yet. */
    CrmRecord searchVersion(CrmRecord current, long nowNanos) {
        SearchLag lag = searchLag.get(current.id());
        return lag == null ? current : lag.visible(nowNanos, current);
    }

    void clearSearchLag() {
        searchLag.clear();
    }

    private record PendingVersion(CrmRecord record, long visibleAtNanos) {
    }

    /** The version the search index holds of one record, and the newer versions on their way into it. */
    private static final class SearchLag {
        private CrmRecord indexed;
        private final Deque<PendingVersion> pending = new ArrayDeque<>();

        SearchLag(CrmRecord indexed) {
            this.indexed = indexed;
        }

        /** Moves the versions that came due into the index (writes only); true if nothing is pending anymore. */
        boolean settle(long nowNanos) {
            while (!pending.isEmpty() && pending.peekFirst().visibleAtNanos() - nowNanos <= 0) {
                indexed = pending.pollFirst().record();
            }
            return pending.isEmpty();
        }

        /** Read-only (searches share the read lock): the newest version due at {@code nowNanos}. */
        CrmRecord visible(long nowNanos, CrmRecord current) {
            CrmRecord shown = indexed;
            for (PendingVersion v : pending) {
                if (v.visibleAtNanos() - nowNanos > 0) {
                    return shown;
                }
                shown = v.record();
            }
            return current;
        }
    }
}
