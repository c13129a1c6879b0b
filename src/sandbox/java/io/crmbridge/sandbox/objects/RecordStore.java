package io.crmbridge.sandbox.objects;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crmbridge.sandbox.history.PropertyHistory;

/**
 * The sandbox CRM's in-memory records, one {@link TypeTable} per object type. Ids are numeric and unique across
 * the store (and across resets). Every write sets the managed properties: {@code hs_object_id}, {@code createdate},
 * {@code hs_lastmodifieddate} (and {@code lastmodifieddate} on contacts). Property values are assumed validated.
 */
@ApplicationScoped
public class RecordStore {

    private static final long FIRST_ID = 1001;

    private final SandboxClock clock;
    private final SearchIndexLag searchLag;
    private final PropertyHistory history;
    private final AtomicLong ids = new AtomicLong(FIRST_ID);
    private final Map<ObjectType, TypeTable> tables = new EnumMap<>(ObjectType.class);

    /** A store whose search never lags (plain unit tests and benchmarks). */
    public RecordStore(SandboxClock clock) {
        this(clock, new SearchIndexLag(() -> Duration.ZERO), new PropertyHistory("sandbox-app", 20));
    }

    /** A store whose search never lags, with its property history (plain unit tests). */
    public RecordStore(SandboxClock clock, PropertyHistory history) {
        this(clock, new SearchIndexLag(() -> Duration.ZERO), history);
    }

    @Inject
    public RecordStore(SandboxClock clock, SearchIndexLag searchLag, PropertyHistory history) {
        this.clock = clock;
        this.searchLag = searchLag;
        this.history = history;
        for (ObjectType t : ObjectType.values()) {
            tables.put(t, new TypeTable(t));
        }
    }

    public SandboxClock clock() {
        return clock;
    }

    /** Every property change made through {@link #create} and {@link #update}, with its source. */
    public PropertyHistory history() {
        return history;
    }

    // --- writes ---------------------------------------------------------------------------------------------

    /** Creates a record; with {@code enforceUnique}, a 409 if a unique property value is already taken. */
    public CrmRecord create(ObjectType type, Map<String, String> properties, boolean enforceUnique) {
        return write(type, table -> {
            if (enforceUnique) {
                checkUnique(table, properties, -1);
            }
            return createLocked(table, properties);
        });
    }

    /** The outcome of an upsert: the record and whether it was created. */
    public record Upserted(CrmRecord record, boolean created) {
    }

    /**
     * Updates the live record whose unique {@code property} holds {@code value}, or creates one with that value, in
     * one step under the type's lock, so two upserts of one value never create two records; 409 if the changes
     * would take another record's unique value.
     */
    public Upserted upsert(ObjectType type, String property, String value, Map<String, String> changes) {
        return write(type, table -> {
            Optional<Long> existing = table.findUnique(property, value);
            if (existing.isPresent()) {
                return new Upserted(updateLocked(table, table.live().get(existing.get()), changes), false);
            }
            Map<String, String> withKey = new LinkedHashMap<>(changes);
            withKey.put(property, value);
            checkUnique(table, withKey, -1);
            return new Upserted(createLocked(table, withKey), true);
        });
    }

    /** A record to insert as it is, with its own creation and modification times (seed data, imports). */
    public record NewRecord(Map<String, String> properties, Instant createdAt, Instant updatedAt) {
    }

    /** Inserts many records at once under one lock, bypassing uniqueness. */
    public List<CrmRecord> insertAll(ObjectType type, List<NewRecord> records) {
        return write(type, table -> {
            List<CrmRecord> created = new ArrayList<>(records.size());
            for (NewRecord r : records) {
                created.add(insert(table, r.properties(), r.createdAt(), r.updatedAt()));
            }
            return created;
        });
    }

    /** A new record now, visible to search after the index lag, with its history. */
    private CrmRecord createLocked(TypeTable table, Map<String, String> properties) {
        Instant now = clock.now();
        CrmRecord created = insert(table, properties, now, now);
        lagSearch(table, null, created);
        history.recordWrite(null, created);
        return created;
    }

    private CrmRecord insert(TypeTable table, Map<String, String> properties, Instant createdAt, Instant updatedAt) {
        long id = ids.getAndIncrement();
        CrmRecord record = build(table.type, id, new LinkedHashMap<>(), properties, createdAt, updatedAt);
        table.putLive(null, record);
        return record;
    }

    /** Applies property changes to a live record; empty if it does not exist; 409 on a taken unique value. */
    public Optional<CrmRecord> update(ObjectType type, long id, Map<String, String> changes) {
        return write(type, table -> {
            CrmRecord current = table.live().get(id);
            if (current == null) {
                return Optional.empty();
            }
            return Optional.of(updateLocked(table, current, changes));
        });
    }

    private CrmRecord updateLocked(TypeTable table, CrmRecord current, Map<String, String> changes) {
        checkUnique(table, changes, current.id());
        CrmRecord next = build(table.type, current.id(), new LinkedHashMap<>(current.properties()), changes,
                current.createdAt(), clock.now());
        table.putLive(current, next);
        lagSearch(table, current, next);
        history.recordWrite(current, next);
        return next;
    }

    /** With a search index lag in force, search keeps seeing {@code previous} (or nothing) for the lag. */
    private void lagSearch(TypeTable table, CrmRecord previous, CrmRecord next) {
        Duration lag = searchLag.lag();
        if (!lag.isZero()) {
            long now = System.nanoTime();
            table.lagSearch(previous, next, now + lag.toNanos(), now);
        }
    }

    /** Sets the search index lag; setting 0 makes every record's latest version searchable at once. */
    public void searchIndexLag(Duration lag) {
        searchLag.set(lag);
        if (lag.isZero()) {
            tables.keySet().forEach(type -> write(type, table -> {
                table.clearSearchLag();
                return null;
            }));
        }
    }

    /** Brings a type's unique-value indexes in line with its properties (after a property was created or removed). */
    public void syncUniqueIndexes(ObjectType type) {
        write(type, table -> {
            table.syncUniqueIndexes();
            return null;
        });
    }

    /** Sets the modification time of up to {@code count} live records (lowest ids first); returns how many. */
    public int touch(ObjectType type, int count, Instant modifiedAt) {
        return write(type, table -> {
            List<CrmRecord> targets = new ArrayList<>(table.live().values()).subList(0,
                    Math.min(count, table.live().size()));
            for (CrmRecord current : targets) {
                CrmRecord next = build(type, current.id(), new LinkedHashMap<>(current.properties()), Map.of(),
                        current.createdAt(), modifiedAt);
                table.putLive(current, next);
            }
            return targets.size();
        });
    }

    /** Archives a live record; false if there was none. */
    public boolean archive(ObjectType type, long id) {
        return write(type, table -> {
            CrmRecord current = table.live().get(id);
            if (current == null) {
                return false;
            }
            Instant now = clock.now();
            table.moveToArchive(current, new CrmRecord(current.id(), type, current.properties(), current.createdAt(),
                    now, true, now));
            return true;
        });
    }

    public void reset() {
        tables.keySet().forEach(type -> write(type, table -> {
            table.clear();
            return null;
        }));
        history.clear();
    }

    /**
     * Merges live record {@code secondaryId} into live record {@code primaryId} at one moment: the primary takes
     * {@code changes.apply(primary, secondary)} and a new modification time, the secondary leaves the live records
     * (not archived). Empty if either is not live.
     */
    public Optional<CrmRecord> merge(ObjectType type, long primaryId, long secondaryId,
            java.util.function.BinaryOperator<Map<String, String>> changes) {
        return write(type, table -> {
            CrmRecord primary = table.live().get(primaryId);
            CrmRecord secondary = table.live().get(secondaryId);
            if (primary == null || secondary == null || primaryId == secondaryId) {
                return Optional.empty();
            }
            Map<String, String> merged = changes.apply(primary.properties(), secondary.properties());
            table.removeLive(secondary);
            CrmRecord next = build(type, primaryId, new LinkedHashMap<>(primary.properties()), merged,
                    primary.createdAt(), clock.now());
            table.putLive(primary, next);
            history.recordWrite(primary, next);
            return Optional.of(next);
        });
    }

    private void checkUnique(TypeTable table, Map<String, String> properties, long selfId) {
        properties.forEach((name, value) -> {
            if (table.isUnique(name) && value != null && !value.isEmpty()) {
                table.findUnique(name, value).filter(existing -> existing != selfId).ifPresent(existing -> {
                    throw SandboxApiException.conflict(capitalized(table.type.singular())
                            + " already exists. Existing ID: " + existing);
                });
            }
        });
    }

    private static String capitalized(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static CrmRecord build(ObjectType type, long id, Map<String, String> props, Map<String, String> changes,
            Instant createdAt, Instant updatedAt) {
        changes.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                props.remove(name);
            } else if (PropertyCatalog.EMAIL.equals(name) && type == ObjectType.CONTACTS) {
                props.put(name, value.trim().toLowerCase(Locale.ROOT));
            } else {
                props.put(name, value);
            }
        });
        props.put(PropertyCatalog.OBJECT_ID, Long.toString(id));
        props.put(PropertyCatalog.CREATEDATE, Timestamps.format(createdAt));
        String modified = Timestamps.format(updatedAt);
        props.put(PropertyCatalog.LASTMODIFIED, modified);
        if (type == ObjectType.CONTACTS) {
            props.put(PropertyCatalog.CONTACT_LASTMODIFIED, modified);
        }
        return new CrmRecord(id, type, Collections.unmodifiableMap(props), createdAt, updatedAt, false, null);
    }

    // --- reads ----------------------------------------------------------------------------------------------

    public Optional<CrmRecord> get(ObjectType type, long id, boolean archived) {
        return read(type, table -> Optional.ofNullable(archived ? table.archived(id) : table.live().get(id)));
    }

    /** A live record by a unique property ({@code hs_object_id}, or {@code email} on contacts). */
    public Optional<CrmRecord> findUnique(ObjectType type, String property, String value) {
        return read(type, table -> table.findUnique(property, value).map(table.live()::get));
    }

    /** Live records with an id above {@code afterId}, ascending, at most {@code limit}; archived ones instead. */
    public List<CrmRecord> list(ObjectType type, long afterId, int limit, boolean archived) {
        return read(type, table -> {
            List<CrmRecord> page = new ArrayList<>(limit);
            if (archived) {
                List<CrmRecord> all = new ArrayList<>();
                table.archivedRecords().forEach(all::add);
                all.stream().filter(r -> r.id() > afterId).sorted((a, b) -> Long.compare(a.id(), b.id()))
                        .limit(limit).forEach(page::add);
                return page;
            }
            for (CrmRecord r : table.live().tailMap(afterId, false).values()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(r);
            }
            return page;
        });
    }

    public int count(ObjectType type) {
        return read(type, table -> table.live().size());
    }

    /** A random live record (for simulated human edits), if there is any. */
    public Optional<CrmRecord> random(ObjectType type, RandomGenerator random) {
        return read(type, table -> {
            if (table.live().isEmpty()) {
                return Optional.empty();
            }
            long lo = table.live().firstKey();
            long hi = table.live().lastKey();
            long pick = lo + random.nextLong(hi - lo + 1);
            return Optional.of(table.live().ceilingEntry(pick).getValue());
        });
    }

    /** Runs a change under the type's write lock. */
    private <T> T write(ObjectType type, Function<TypeTable, T> writer) {
        TypeTable table = tables.get(type);
        Lock lock = table.lock.writeLock();
        lock.lock();
        try {
            return writer.apply(table);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read under the type's read lock (search uses the indexes directly). */
    <T> T read(ObjectType type, Function<TypeTable, T> reader) {
        TypeTable table = tables.get(type);
        Lock lock = table.lock.readLock();
        lock.lock();
        try {
            return reader.apply(table);
        } finally {
            lock.unlock();
        }
    }
}
