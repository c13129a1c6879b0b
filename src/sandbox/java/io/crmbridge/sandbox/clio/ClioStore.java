package io.crmbridge.sandbox.clio;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmbridge.sandbox.objects.SandboxClock;

/**
 * The Clio dialect's records, by resource and id. Ids come from one sequence over all resources (as Clio's are
 * unique numbers), so an id of the wrong resource is never found by accident. Every write stamps {@code updated_at}
 * on the CRM clock and a new {@code etag}.
 */
@ApplicationScoped
public class ClioStore {

    private static final long FIRST_ID = 1_000_001;
    private static final int MAX_EARLIER = 8;

    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(FIRST_ID);
    private final Map<ClioResourceType, TreeMap<Long, ClioRecord>> records = new EnumMap<>(ClioResourceType.class);
    /** Earlier versions of records, newest first, kept while a list lag may still show them. */
    private final Map<ClioResourceType, Map<Long, java.util.Deque<ClioRecord>>> earlier = new EnumMap<>(ClioResourceType.class);
    private volatile java.time.Duration listLag = java.time.Duration.ZERO;
    /** What this account refuses beyond the published contract: orders, and fields ({@code resource.field}) it lacks. */
    private volatile java.util.Set<String> refusedOrders = java.util.Set.of();
    private volatile java.util.Set<String> missingFields = java.util.Set.of();

    private final ClioConfig config;

    ClioStore(SandboxClock clock, ClioConfig config) {
        this.clock = clock;
        this.config = config;
        clear();
    }

    public synchronized void clear() {
        for (ClioResourceType type : ClioResourceType.values()) {
            records.put(type, new TreeMap<>());
            earlier.put(type, new java.util.HashMap<>());
        }
        ids.set(FIRST_ID);
        listLag = config.listLag();
        refusedOrders = java.util.Set.of();
        missingFields = java.util.Set.of();
    }

    /** An account on which some orders are refused and some fields missing (an older version, a hidden field). */
    public void account(java.util.Collection<String> orders, java.util.Collection<String> fields) {
        refusedOrders = java.util.Set.copyOf(orders);
        missingFields = java.util.Set.copyOf(fields);
    }

    public java.util.Set<String> refusedOrders() {
        return refusedOrders;
    }

    public java.util.Set<String> missingFields() {
        return missingFields;
    }

    public Instant now() {
        return clock.now();
    }

    public synchronized ClioRecord insert(ClioResourceType type, ObjectNode fields) {
        Instant now = clock.now();
        ClioRecord created = new ClioRecord(type, ids.getAndIncrement(), newEtag(), now, now, fields.deepCopy());
        records.get(type).put(created.id(), created);
        return created;
    }

    /** Replaces the fields of a record, new etag and {@code updated_at}; empty when there is no such record. */
    public synchronized Optional<ClioRecord> replace(ClioResourceType type, long id, ObjectNode fields) {
        ClioRecord current = records.get(type).get(id);
        if (current == null) {
            return Optional.empty();
        }
        Instant now = clock.now();
        ClioRecord updated = new ClioRecord(type, id, newEtag(), current.createdAt(),
                now.isAfter(current.updatedAt()) ? now : current.updatedAt().plusMillis(1), fields.deepCopy());
        records.get(type).put(id, updated);
        if (!listLag.isZero()) {
            java.util.Deque<ClioRecord> past = earlier.get(type).computeIfAbsent(id, k -> new java.util.ArrayDeque<>());
            past.addFirst(current);
            while (past.size() > MAX_EARLIER) {
                past.removeLast();
            }
        }
        return Optional.of(updated);
    }

    public synchronized boolean delete(ClioResourceType type, long id) {
        earlier.get(type).remove(id);
        return records.get(type).remove(id) != null;
    }

    public synchronized Optional<ClioRecord> find(ClioResourceType type, long id) {
        return Optional.ofNullable(records.get(type).get(id)).map(ClioStore::copy);
    }

    /**
     * Every record of a resource in id order, for reading only: no copies (an index page reads 10,000 records to
     * show 200). Safe because a stored record's fields are never changed in place: every write stores a new copy.
     */
    public synchronized List<ClioRecord> all(ClioResourceType type) {
        return new ArrayList<>(records.get(type).values());
    }

    /**
     * What an index shows: every record as it was {@link #listLag} ago on the CRM clock (a record created since is
     * missing, one updated since shows its earlier version), in id order. Without a lag, {@link #all}.
     */
    public synchronized List<ClioRecord> listed(ClioResourceType type) {
        if (listLag.isZero()) {
            return all(type);
        }
        Instant visible = clock.now().minus(listLag);
        List<ClioRecord> out = new ArrayList<>();
        for (ClioRecord r : records.get(type).values()) {
            ClioRecord shown = r;
            java.util.Iterator<ClioRecord> past = earlier.get(type).getOrDefault(r.id(), new java.util.ArrayDeque<>()).iterator();
            while (shown != null && shown.updatedAt().isAfter(visible)) {
                shown = past.hasNext() ? past.next() : null;
            }
            if (shown != null && !shown.createdAt().isAfter(visible)) {
                out.add(shown);
            }
        }
        return out;
    }

    /** How long index (list) queries lag writes: Clio's list queries are eventually consistent. Zero: not at all. */
    public java.time.Duration listLag() {
        return listLag;
    }

    public synchronized void listLag(java.time.Duration lag) {
        listLag = lag == null || lag.isNegative() ? java.time.Duration.ZERO : lag;
        if (listLag.isZero()) {
            earlier.values().forEach(Map::clear);
        }
    }

    public synchronized int count(ClioResourceType type) {
        return records.get(type).size();
    }

    /** A new item id for nested arrays (email addresses, phone numbers): from the same sequence. */
    public long nextId() {
        return ids.getAndIncrement();
    }

    private static ClioRecord copy(ClioRecord r) {
        return new ClioRecord(r.type(), r.id(), r.etag(), r.createdAt(), r.updatedAt(), r.fields().deepCopy());
    }

    private String newEtag() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "\"" + HexFormat.of().formatHex(bytes) + "\"";
    }
}
