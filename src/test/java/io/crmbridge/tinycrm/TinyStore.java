package io.crmbridge.tinycrm;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tiny CRM's data: records of any object (flat properties, numeric ids, creation and modification time in
 * milliseconds) and links between two records (kept both ways). Every call holds one lock, so what a write committed
 * is what the next read sees: no search index that lags.
 */
final class TinyStore {

    /** One record. */
    record Rec(String object, long id, Instant createdAt, Instant updatedAt, Map<String, Object> properties) {

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", Long.toString(id));
            out.put("createdAt", createdAt.toString());
            out.put("updatedAt", updatedAt.toString());
            out.put("properties", new LinkedHashMap<>(properties));
            return out;
        }
    }

    /** Most records one list answers. */
    static final int MAX_LIMIT = 200;

    private final Map<String, Map<Long, Rec>> records = new HashMap<>();
    /** "object:id" -> "object:id" of the records linked to it. */
    private final Map<String, Set<String>> links = new HashMap<>();
    private long nextId = 1;

    synchronized void clear() {
        records.clear();
        links.clear();
    }

    synchronized Rec create(String object, Map<String, Object> properties, Map<String, String> linkTo, Instant at) {
        long id = nextId++;
        Rec rec = new Rec(object, id, at, at, new LinkedHashMap<>(properties));
        table(object).put(id, rec);
        if (linkTo != null) {
            linkTo.forEach((to, toId) -> link(object, Long.toString(id), to, toId));
        }
        return rec;
    }

    synchronized Rec get(String object, String id) {
        Long key = parse(id);
        return key == null ? null : table(object).get(key);
    }

    /** Changes the given properties (others stay); null when there is no such record. */
    synchronized Rec update(String object, String id, Map<String, Object> properties, Instant at) {
        Rec old = get(object, id);
        if (old == null) {
            return null;
        }
        Map<String, Object> merged = new LinkedHashMap<>(old.properties());
        merged.putAll(properties);
        Rec rec = new Rec(object, old.id(), old.createdAt(), later(old.updatedAt(), at), merged);
        table(object).put(old.id(), rec);
        return rec;
    }

    synchronized boolean delete(String object, String id) {
        Rec gone = get(object, id);
        if (gone == null) {
            return false;
        }
        table(object).remove(gone.id());
        Set<String> linked = links.remove(object + ":" + id);
        if (linked != null) {
            linked.forEach(other -> {
                Set<String> back = links.get(other);
                if (back != null) {
                    back.remove(object + ":" + id);
                }
            });
        }
        return true;
    }

    /** Links two records (both ways; linking again changes nothing); false when either is missing. */
    synchronized boolean link(String from, String fromId, String to, String toId) {
        if (get(from, fromId) == null || get(to, toId) == null) {
            return false;
        }
        links.computeIfAbsent(from + ":" + fromId, k -> new LinkedHashSet<>()).add(to + ":" + toId);
        links.computeIfAbsent(to + ":" + toId, k -> new LinkedHashSet<>()).add(from + ":" + fromId);
        return true;
    }

    /** The ids of the {@code to} records linked to one record. */
    synchronized List<String> linked(String from, String fromId, String to) {
        return links.getOrDefault(from + ":" + fromId, Set.of()).stream().filter(l -> l.startsWith(to + ":"))
                .map(l -> l.substring(to.length() + 1)).toList();
    }

    /** Records whose property equals the value (compared without case), by id, at most {@code limit}. */
    synchronized List<Rec> withValue(String object, String property, String value, int limit) {
        return list(object, r -> r.properties().get(property) != null
                && String.valueOf(r.properties().get(property)).toLowerCase(Locale.ROOT)
                        .equals(value.toLowerCase(Locale.ROOT)), limit);
    }

    synchronized List<Rec> byIds(String object, List<String> ids) {
        List<Rec> found = new ArrayList<>();
        ids.stream().distinct().map(id -> get(object, id)).filter(r -> r != null).forEach(found::add);
        return found;
    }

    /**
     * Records modified strictly after {@code after} (null: any) and strictly before {@code before} (null: no bound),
     * in (modification time, id) order; or, with {@code at}, those modified exactly then with an id above
     * {@code afterId}, in id order.
     */
    synchronized List<Rec> changes(String object, Instant after, Instant before, Instant at, String afterId, int limit) {
        Predicate<Rec> filter;
        if (at != null) {
            Long above = afterId == null ? null : parse(afterId);
            filter = r -> r.updatedAt().equals(at) && (above == null || r.id() > above);
        } else {
            filter = r -> (after == null || r.updatedAt().isAfter(after)) && (before == null || r.updatedAt().isBefore(before));
        }
        return table(object).values().stream().filter(filter)
                .sorted(Comparator.comparing(Rec::updatedAt).thenComparingLong(Rec::id)).limit(limit).toList();
    }

    synchronized List<Rec> all(String object) {
        return List.copyOf(table(object).values());
    }

    /** Now, in the CRM's resolution (milliseconds). */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private List<Rec> list(String object, Predicate<Rec> filter, int limit) {
        return table(object).values().stream().filter(filter).sorted(Comparator.comparingLong(Rec::id)).limit(limit)
                .toList();
    }

    private Map<Long, Rec> table(String object) {
        return records.computeIfAbsent(object, o -> new LinkedHashMap<>());
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a.plusMillis(1);
    }

    private static Long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
