package io.crmbridge.sandbox.objects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.crmbridge.sandbox.history.PropertyHistory;

/**
 * Renders records as {@link ObjectJson}: the properties a request names (comma-separated, possibly repeated), or
 * the type's defaults when it names none; a property the record has no value for is left out.
 */
public final class ObjectViews {

    private ObjectViews() {
    }

    /** Splits {@code properties=a,b&properties=c} into [a, b, c]; empty when none are named. */
    public static List<String> names(Collection<String> raw) {
        List<String> names = new ArrayList<>();
        if (raw != null) {
            for (String entry : raw) {
                if (entry == null) {
                    continue;
                }
                for (String n : entry.split(",")) {
                    if (!n.isBlank() && !names.contains(n.trim())) {
                        names.add(n.trim());
                    }
                }
            }
        }
        return names;
    }

    public static ObjectJson view(CrmRecord r, List<String> requested) {
        List<String> names = requested == null || requested.isEmpty()
                ? PropertyCatalog.defaultProperties(r.type()) : requested;
        Map<String, String> props = new TreeMap<>();
        for (String n : names) {
            String v = r.property(n);
            if (v != null) {
                props.put(n, v);
            }
        }
        return json(r, props);
    }

    /** {@link #view}, plus {@code propertiesWithHistory} for the {@code historyNames} when a read names any. */
    public static ObjectJson view(CrmRecord r, List<String> requested, List<String> historyNames,
            PropertyHistory history) {
        ObjectJson json = view(r, requested);
        return historyNames.isEmpty() ? json : json.withHistory(history.view(r, historyNames));
    }

    /** Every property the record has: what create and update answer with. */
    public static ObjectJson full(CrmRecord r) {
        return json(r, new TreeMap<>(r.properties()));
    }

    private static ObjectJson json(CrmRecord r, Map<String, String> props) {
        return new ObjectJson(r.idString(), new LinkedHashMap<>(props), Timestamps.format(r.createdAt()),
                Timestamps.format(r.updatedAt()), r.archived(),
                r.archivedAt() == null ? null : Timestamps.format(r.archivedAt()), null, null);
    }
}
