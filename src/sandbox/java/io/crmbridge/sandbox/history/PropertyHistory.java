package io.crmbridge.sandbox.history;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crmbridge.sandbox.auth.OAuthConfig;
import io.crmbridge.sandbox.objects.CrmRecord;
import io.crmbridge.sandbox.objects.PropertyCatalog;
import io.crmbridge.sandbox.objects.Timestamps;

/**
 * The versions of every property a write changed, with who changed it, newest first (HubSpot's
 * {@code propertiesWithHistory}). Kept compact: a version is stored only when a value changes, at most
 * {@code max-per-property} per property; records that were seeded or inserted and never changed store nothing (their
 * one version, {@code IMPORT} at creation, is derived from the current value on read), and a bulk touch, which changes
 * no value, stores nothing either. The sandbox-kept id and timestamps are derived on read too ({@code CALCULATED}).
 */
@ApplicationScoped
public class PropertyHistory {

    private static final String IMPORT_SOURCE_ID = "sandbox-seed";

    /** One stored version. */
    private record Version(String value, Instant at, WriteSource source) {
    }

    private final WriteSource integration;
    private final int maxPerProperty;
    private final Map<Long, Map<String, ArrayDeque<Version>>> records = new ConcurrentHashMap<>();

    @Inject
    public PropertyHistory(OAuthConfig oauth, HistoryConfig config) {
        this(oauth.appId(), config.maxPerProperty());
    }

    public PropertyHistory(String appId, int maxPerProperty) {
        this.integration = new WriteSource(WriteSource.INTEGRATION, appId, null);
        this.maxPerProperty = Math.max(1, maxPerProperty);
    }

    /** The source of an API call: the app, no user. */
    public WriteSource integration() {
        return integration;
    }

    /**
     * Records the values {@code next} changed against {@code previous} (null for a new record), at the write's
     * modification time, with the source of the write in progress.
     */
    public void recordWrite(CrmRecord previous, CrmRecord next) {
        WriteSource source = Objects.requireNonNullElse(WriteSource.current(), integration);
        Map<String, ArrayDeque<Version>> log = null;
        for (Map.Entry<String, String> e : next.properties().entrySet()) {
            String before = previous == null ? null : previous.property(e.getKey());
            if (!derived(e.getKey()) && !e.getValue().equals(before)) {
                log = log != null ? log : records.computeIfAbsent(next.id(), k -> new HashMap<>());
                add(log, previous, e.getKey(), before, e.getValue(), next.updatedAt(), source);
            }
        }
        if (previous != null) {
            for (Map.Entry<String, String> e : previous.properties().entrySet()) {
                if (!derived(e.getKey()) && next.property(e.getKey()) == null) {
                    log = log != null ? log : records.computeIfAbsent(next.id(), k -> new HashMap<>());
                    add(log, previous, e.getKey(), e.getValue(), "", next.updatedAt(), source);
                }
            }
        }
    }

    private void add(Map<String, ArrayDeque<Version>> log, CrmRecord previous, String name, String before,
            String value, Instant at, WriteSource source) {
        synchronized (log) {
            ArrayDeque<Version> versions = log.get(name);
            if (versions == null) {
                versions = new ArrayDeque<>(4);
                log.put(name, versions);
                if (before != null) {
                    // The value it had before its first recorded change came with the record (seed or import).
                    versions.addFirst(imported(before, previous.createdAt()));
                }
            }
            versions.addFirst(new Version(value, at, source));
            while (versions.size() > maxPerProperty) {
                versions.removeLast();
            }
        }
    }

    /** The history of each named property of {@code r}, newest first; unknown properties without values are left out. */
    public Map<String, List<ValueWithTimestamp>> view(CrmRecord r, List<String> names) {
        Map<String, List<ValueWithTimestamp>> out = new LinkedHashMap<>();
        Map<String, ArrayDeque<Version>> log = records.get(r.id());
        for (String name : names) {
            List<ValueWithTimestamp> versions = versions(r, name, log);
            if (!versions.isEmpty() || PropertyCatalog.find(r.type(), name).isPresent()) {
                out.put(name, versions);
            }
        }
        return out;
    }

    private List<ValueWithTimestamp> versions(CrmRecord r, String name, Map<String, ArrayDeque<Version>> log) {
        String current = r.property(name);
        if (derived(name)) {
            Instant at = PropertyCatalog.OBJECT_ID.equals(name) || PropertyCatalog.CREATEDATE.equals(name)
                    ? r.createdAt() : r.updatedAt();
            return current == null ? List.of()
                    : List.of(json(new Version(current, at, new WriteSource(WriteSource.CALCULATED, null, null))));
        }
        if (log != null) {
            synchronized (log) {
                ArrayDeque<Version> versions = log.get(name);
                if (versions != null) {
                    List<ValueWithTimestamp> out = new ArrayList<>(versions.size());
                    for (Iterator<Version> it = versions.iterator(); it.hasNext();) {
                        out.add(json(it.next()));
                    }
                    return out;
                }
            }
        }
        return current == null ? List.of() : List.of(json(imported(current, r.createdAt())));
    }

    /** Versions stored (not derived), over every record: what history costs in memory. */
    public long storedVersions() {
        long n = 0;
        for (Map<String, ArrayDeque<Version>> log : records.values()) {
            synchronized (log) {
                for (ArrayDeque<Version> v : log.values()) {
                    n += v.size();
                }
            }
        }
        return n;
    }

    public void clear() {
        records.clear();
    }

    private static Version imported(String value, Instant at) {
        return new Version(value, at, new WriteSource(WriteSource.IMPORT, IMPORT_SOURCE_ID, null));
    }

    /** The id and timestamps the sandbox keeps itself: never stored, derived from the record on read. */
    private static boolean derived(String name) {
        return PropertyCatalog.OBJECT_ID.equals(name) || PropertyCatalog.CREATEDATE.equals(name)
                || PropertyCatalog.LASTMODIFIED.equals(name) || PropertyCatalog.CONTACT_LASTMODIFIED.equals(name);
    }

    private static ValueWithTimestamp json(Version v) {
        return new ValueWithTimestamp(v.value(), Timestamps.format(v.at()), v.source().sourceType(),
                v.source().sourceId(), v.source().userId());
    }
}
