package io.crmbridge.sandbox.clio;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources the Clio dialect serves ({@code /api/v4/{name}.json}), the fields each has (beyond {@code id},
 * {@code etag}, {@code created_at} and {@code updated_at}, which all have), which of them are relationships to
 * which resource, and which the API may not write.
 */
public enum ClioResourceType {

    CONTACTS("contacts", List.of("type", "name", "first_name", "last_name", "title", "email_addresses", "phone_numbers",
            "web_sites", "company", "primary_email_address", "primary_phone_number"),
            Map.of("company", "contacts"), Set.of("primary_email_address", "primary_phone_number"), true),
    MATTERS("matters", List.of("client", "description", "status", "practice_area", "responsible_attorney",
            "display_number", "open_date", "close_date"),
            Map.of("client", "contacts", "practice_area", "practice_areas", "responsible_attorney", "users"),
            Set.of("display_number"), true),
    NOTES("notes", List.of("type", "subject", "detail", "date", "contact", "matter"),
            Map.of("contact", "contacts", "matter", "matters"), Set.of(), true),
    TASKS("tasks", List.of("name", "description", "due_at", "status", "priority", "matter", "assignee"),
            Map.of("matter", "matters", "assignee", "users"), Set.of(), true),
    PRACTICE_AREAS("practice_areas", List.of("name", "code", "category"), Map.of(), Set.of(), true),
    /** Clio's users (the owners records are assigned to): read-only through the API, seeded by the sandbox. */
    USERS("users", List.of("name", "first_name", "last_name", "email", "enabled"), Map.of(), Set.of(), false);

    /** Every record has these. */
    public static final List<String> COMMON = Common.FIELDS;

    /** Holds {@link #COMMON} apart, so the constants' constructors may read it. */
    private static final class Common {
        static final List<String> FIELDS = List.of("id", "etag", "created_at", "updated_at");
    }

    private final String apiName;
    private final Set<String> fields;
    private final Map<String, String> relations;
    private final Set<String> readOnly;
    private final boolean writable;

    ClioResourceType(String apiName, List<String> fields, Map<String, String> relations, Set<String> readOnly,
            boolean writable) {
        this.apiName = apiName;
        LinkedHashSet<String> all = new LinkedHashSet<>(Common.FIELDS);
        all.addAll(fields);
        this.fields = all;
        this.relations = relations;
        this.readOnly = readOnly;
        this.writable = writable;
    }

    public String apiName() {
        return apiName;
    }

    /** All fields, common ones first, in the order a full view lists them. */
    public Set<String> fields() {
        return fields;
    }

    public boolean isRelation(String field) {
        return relations.containsKey(field);
    }

    public ClioResourceType relationTarget(String field) {
        return of(relations.get(field));
    }

    public boolean isWritableField(String field) {
        return fields.contains(field) && !Common.FIELDS.contains(field) && !readOnly.contains(field);
    }

    /** Whether the API may create, update or delete records of this resource. */
    public boolean writable() {
        return writable;
    }

    public static ClioResourceType of(String apiName) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(apiName)).findFirst()
                .orElseThrow(() -> ClioApiException.notFound("No such resource: " + apiName));
    }
}
