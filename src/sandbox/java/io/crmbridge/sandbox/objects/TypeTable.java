package io.crmbridge.sandbox.objects;

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
 * (modification time, id), and a value index for each unique property. Not thread-safe by itself: the
 * {@link RecordStore} guards it with {@link #lock}.
 */
final class TypeTable {

    final ObjectType type;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, CrmRecord> live = new TreeMap<>();
    private final Map<Long, CrmRecord> archived = new HashMap<>();
    private final TreeMap<ModificationKey, CrmRecord> byModified = new TreeMap<>();
    private final Map<String, Map<String, TreeSet<Long>>> unique = new HashMap<>();

    TypeTable(ObjectType type) {
        this.type = type;
        for (String p : PropertyCatalog.uniqueProperties(type)) {
            if (!PropertyCatalog.OBJECT_ID.equals(p)) {
                unique.put(p, new HashMap<>());
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
    }
}
