package io.crmbridge.sandbox.objects;

import static io.crmbridge.sandbox.objects.PropertyDefinition.bool;
import static io.crmbridge.sandbox.objects.PropertyDefinition.datetime;
import static io.crmbridge.sandbox.objects.PropertyDefinition.enumeration;
import static io.crmbridge.sandbox.objects.PropertyDefinition.managed;
import static io.crmbridge.sandbox.objects.PropertyDefinition.number;
import static io.crmbridge.sandbox.objects.PropertyDefinition.string;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The properties each object type knows, with their types and enumeration options, the properties a read returns
 * when none are asked for, and the properties whose values are unique (usable as {@code idProperty}).
 */
public final class PropertyCatalog {

    public static final String OBJECT_ID = "hs_object_id";
    public static final String CREATEDATE = "createdate";
    public static final String LASTMODIFIED = "hs_lastmodifieddate";
    /** Contacts carry their modification time under this older name too. */
    public static final String CONTACT_LASTMODIFIED = "lastmodifieddate";
    public static final String EMAIL = "email";
    public static final String ORIGIN = "crmbridge_origin";
    public static final String EVENT_ID = "crmbridge_event_id";

    public static final List<String> LIFECYCLE_STAGES = List.of("subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");
    public static final List<String> DEAL_STAGES = List.of("appointmentscheduled", "qualifiedtobuy",
            "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost");
    public static final List<String> TASK_STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED",
            "DEFERRED");

    private static final Map<ObjectType, Map<String, PropertyDefinition>> CATALOG = new EnumMap<>(ObjectType.class);
    private static final Map<ObjectType, List<String>> DEFAULTS = new EnumMap<>(ObjectType.class);
    /**
     * Properties created through the Properties API, per type, in creation order. Each map is replaced whole (copy
     * on write), so readers never lock; the sandbox runs once per application, like the rest of its state.
     */
    private static final Map<ObjectType, Map<String, PropertyDefinition>> CUSTOM = new ConcurrentHashMap<>();

    static {
        define(ObjectType.CONTACTS,
                List.of(CREATEDATE, EMAIL, "firstname", OBJECT_ID, CONTACT_LASTMODIFIED, "lastname"),
                string(EMAIL), string("firstname"), string("lastname"), string("phone"), string("mobilephone"),
                string("company"), string("website"), string("jobtitle"), string("city"), string("country"),
                enumeration("lifecyclestage", LIFECYCLE_STAGES.toArray(String[]::new)),
                enumeration("hs_lead_status", "NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED",
                        "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"),
                string("hubspot_owner_id"), managed(CONTACT_LASTMODIFIED, PropertyType.DATETIME),
                managed(ContactMerge.MERGED_IDS, PropertyType.STRING));
        define(ObjectType.COMPANIES, List.of(CREATEDATE, "domain", LASTMODIFIED, OBJECT_ID, "name"),
                string("name"), string("domain"), string("industry"), string("phone"), string("city"),
                string("country"), string("website"), number("numberofemployees"), number("annualrevenue"),
                string("hubspot_owner_id"));
        define(ObjectType.DEALS, List.of("amount", "closedate", CREATEDATE, "dealname", "dealstage", LASTMODIFIED,
                OBJECT_ID, "pipeline"),
                string("dealname"), number("amount"), string("pipeline"),
                enumeration("dealstage", DEAL_STAGES.toArray(String[]::new)), datetime("closedate"),
                string("hubspot_owner_id"), string("description"));
        define(ObjectType.NOTES, List.of(CREATEDATE, LASTMODIFIED, OBJECT_ID),
                string("hs_note_body"), datetime("hs_timestamp"), string("hubspot_owner_id"));
        define(ObjectType.TASKS, List.of(CREATEDATE, LASTMODIFIED, OBJECT_ID),
                string("hs_task_subject"), string("hs_task_body"),
                enumeration("hs_task_status", TASK_STATUSES.toArray(String[]::new)),
                enumeration("hs_task_priority", "LOW", "MEDIUM", "HIGH"),
                enumeration("hs_task_type", "CALL", "EMAIL", "TODO"), datetime("hs_timestamp"),
                string("hubspot_owner_id"));
        define(ObjectType.TICKETS, List.of(CREATEDATE, LASTMODIFIED, OBJECT_ID, "hs_pipeline", "hs_pipeline_stage",
                "subject", "content"),
                string("subject"), string("content"), string("hs_pipeline"), string("hs_pipeline_stage"),
                enumeration("hs_ticket_priority", "LOW", "MEDIUM", "HIGH", "URGENT"), string("hubspot_owner_id"));
    }

    private PropertyCatalog() {
    }

    private static void define(ObjectType type, List<String> defaults, PropertyDefinition... own) {
        Map<String, PropertyDefinition> props = new LinkedHashMap<>();
        props.put(OBJECT_ID, managed(OBJECT_ID, PropertyType.NUMBER));
        props.put(CREATEDATE, managed(CREATEDATE, PropertyType.DATETIME));
        props.put(LASTMODIFIED, managed(LASTMODIFIED, PropertyType.DATETIME));
        props.put(ORIGIN, string(ORIGIN));
        props.put(EVENT_ID, string(EVENT_ID));
        for (PropertyDefinition p : own) {
            props.put(p.name(), p);
        }
        CATALOG.put(type, Collections.unmodifiableMap(props));
        DEFAULTS.put(type, List.copyOf(defaults));
    }

    public static Optional<PropertyDefinition> find(ObjectType type, String name) {
        PropertyDefinition builtIn = CATALOG.get(type).get(name);
        return builtIn != null ? Optional.of(builtIn) : Optional.ofNullable(custom(type).get(name));
    }

    /** The built-in properties, then the custom ones in creation order. */
    public static Map<String, PropertyDefinition> all(ObjectType type) {
        Map<String, PropertyDefinition> custom = custom(type);
        if (custom.isEmpty()) {
            return CATALOG.get(type);
        }
        Map<String, PropertyDefinition> all = new LinkedHashMap<>(CATALOG.get(type));
        all.putAll(custom);
        return Collections.unmodifiableMap(all);
    }

    public static boolean isBuiltIn(ObjectType type, String name) {
        return CATALOG.get(type).containsKey(name);
    }

    /** Adds a custom property; false (nothing changed) if the type already knows a property of that name. */
    public static synchronized boolean addCustom(ObjectType type, PropertyDefinition definition) {
        if (find(type, definition.name()).isPresent()) {
            return false;
        }
        Map<String, PropertyDefinition> next = new LinkedHashMap<>(custom(type));
        next.put(definition.name(), definition);
        CUSTOM.put(type, Collections.unmodifiableMap(next));
        return true;
    }

    /** Forgets every custom property (values stay on the records but are no longer readable or writable). */
    public static synchronized void clearCustom() {
        CUSTOM.clear();
    }

    private static Map<String, PropertyDefinition> custom(ObjectType type) {
        return CUSTOM.getOrDefault(type, Map.of());
    }

    /** What a read returns when it names no properties. */
    public static List<String> defaultProperties(ObjectType type) {
        return DEFAULTS.get(type);
    }

    /**
     * Properties whose values are unique within the type: what {@code idProperty} may name. {@code email} on contacts
     * (kept unique by HubSpot itself) and the custom properties created with {@code hasUniqueValue}.
     */
    public static List<String> uniqueProperties(ObjectType type) {
        List<String> unique = new ArrayList<>(List.of(OBJECT_ID));
        if (type == ObjectType.CONTACTS) {
            unique.add(EMAIL);
        }
        custom(type).values().stream().filter(PropertyDefinition::unique).map(PropertyDefinition::name)
                .forEach(unique::add);
        return unique;
    }

    /** True for the properties that hold the record's modification time (the ordered index). */
    public static boolean isModificationTime(ObjectType type, String name) {
        return LASTMODIFIED.equals(name) || (type == ObjectType.CONTACTS && CONTACT_LASTMODIFIED.equals(name));
    }

    public static PropertyType typeOf(ObjectType type, String name) {
        return find(type, name).map(PropertyDefinition::type).orElse(PropertyType.STRING);
    }
}
