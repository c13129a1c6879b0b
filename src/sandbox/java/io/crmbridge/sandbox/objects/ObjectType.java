package io.crmbridge.sandbox.objects;

import java.util.Locale;
import java.util.Optional;

/**
 * The CRM object types the sandbox stores, with HubSpot's object type ids. A path segment may name a type by its
 * plural name ({@code contacts}), its singular name ({@code contact}) or its id ({@code 0-1}).
 */
public enum ObjectType {
    CONTACTS("contacts", "contact", "0-1"),
    COMPANIES("companies", "company", "0-2"),
    DEALS("deals", "deal", "0-3"),
    TICKETS("tickets", "ticket", "0-5"),
    TASKS("tasks", "task", "0-27"),
    NOTES("notes", "note", "0-46");

    private final String apiName;
    private final String singular;
    private final String typeId;

    ObjectType(String apiName, String singular, String typeId) {
        this.apiName = apiName;
        this.singular = singular;
        this.typeId = typeId;
    }

    public String apiName() {
        return apiName;
    }

    public String singular() {
        return singular;
    }

    public String typeId() {
        return typeId;
    }

    public static Optional<ObjectType> find(String segment) {
        if (segment == null) {
            return Optional.empty();
        }
        String s = segment.trim().toLowerCase(Locale.ROOT);
        for (ObjectType t : values()) {
            if (t.apiName.equals(s) || t.singular.equals(s) || t.typeId.equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Resolves a path segment or answers HubSpot's 400 for an object type it cannot infer. */
    public static ObjectType resolve(String segment) {
        return find(segment).orElseThrow(() -> SandboxApiException.badRequest(
                "Unable to infer object type from: " + segment));
    }
}
