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

    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(FIRST_ID);
    private final Map<ClioResourceType, TreeMap<Long, ClioRecord>> records = new EnumMap<>(ClioResourceType.class);

    ClioStore(SandboxClock clock) {
        this.clock = clock;
        clear();
    }

    public synchronized void clear() {
        for (ClioResourceType type : ClioResourceType.values()) {
            records.put(type, new TreeMap<>());
        }
        ids.set(FIRST_ID);
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
        return Optional.of(updated);
    }

    public synchronized boolean delete(ClioResourceType type, long id) {
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
