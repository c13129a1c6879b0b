package io.crmbridge.crm;

import java.util.List;
import java.util.Map;

/**
 * A CRM property the bridge itself needs on an object, provisioned through the connector (idempotently) before the
 * bridge writes there: {@link #KEY} the bridge's own unique key of a record it creates, {@link #OCCURRED_AT} when the
 * event that last wrote the record happened (epoch milliseconds, so an older event does not overwrite a newer one),
 * and {@link #ORIGIN} / {@link #EVENT_ID}, the loop guard's stamp.
 */
public record BridgeProperty(String name, String label, Type type, boolean unique) {

    public enum Type { STRING, NUMBER }

    public static final String KEY = "crmbridge_key";
    public static final String OCCURRED_AT = "crmbridge_occurred_at";
    public static final String ORIGIN = "crmbridge_origin";
    public static final String EVENT_ID = "crmbridge_event_id";

    /** Objects the bridge creates records of by its own key (contacts are keyed by their email instead). */
    public static final List<String> KEYED_OBJECTS = List.of("companies", "deals", "notes", "tasks", "tickets");

    /** Objects whose records carry the time of the event that last wrote them. */
    public static final List<String> ORDERED_OBJECTS = List.of("contacts", "companies", "deals", "tickets");

    private static final BridgeProperty KEY_PROPERTY = new BridgeProperty(KEY, "crm-bridge key", Type.STRING, true);
    private static final BridgeProperty OCCURRED = new BridgeProperty(OCCURRED_AT, "crm-bridge event time (ms)",
            Type.NUMBER, false);
    private static final BridgeProperty ORIGIN_PROPERTY = new BridgeProperty(ORIGIN, "crm-bridge origin", Type.STRING,
            false);
    private static final BridgeProperty EVENT = new BridgeProperty(EVENT_ID, "crm-bridge event id", Type.STRING, false);

    /** What each object needs, in provisioning order. */
    public static Map<String, List<BridgeProperty>> needed() {
        Map<String, List<BridgeProperty>> needed = new java.util.LinkedHashMap<>();
        for (String object : List.of("contacts", "companies", "deals", "tickets", "notes", "tasks")) {
            List<BridgeProperty> list = new java.util.ArrayList<>();
            if (KEYED_OBJECTS.contains(object)) {
                list.add(KEY_PROPERTY);
            }
            if (ORDERED_OBJECTS.contains(object)) {
                list.add(OCCURRED);
            }
            list.add(ORIGIN_PROPERTY);
            list.add(EVENT);
            needed.put(object, List.copyOf(list));
        }
        return needed;
    }

    /** The same property without unique values: the fallback where an object cannot hold a unique one. */
    public BridgeProperty withoutUniqueness() {
        return new BridgeProperty(name, label, type, false);
    }
}
