package io.crmbridge.crm.clio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.connection.ConnectionsConfig.FieldType;
import io.crmbridge.crm.FieldSpec;

/**
 * Clio's field names for the bridge's contract fields, per object. Clio keeps emails, phones and web sites as arrays of
 * objects; the connector shows the primary one of each as a flat property ({@link ClioShapes}), so a field map names
 * {@code primary_email_address}, {@code primary_phone_number} and {@code primary_web_site}. Relationship fields
 * ({@code {id, name}}) read their name, except where the bridge needs the id. A connection's {@code field-map}
 * overrides any of them.
 */
final class ClioFields {

    static final String EMAIL = "primary_email_address";
    static final String PHONE = "primary_phone_number";
    static final String WEB_SITE = "primary_web_site";

    private static final Map<String, Map<String, FieldSpec>> DEFAULTS = Map.of(
            "contacts", ordered(
                    "email", FieldSpec.string(EMAIL),
                    "first-name", FieldSpec.string("first_name"),
                    "last-name", FieldSpec.string("last_name"),
                    "phone", FieldSpec.string(PHONE),
                    "company-name", relationship("company", "name"),
                    "website", FieldSpec.string(WEB_SITE)),
            "companies", ordered(
                    "domain", FieldSpec.string(WEB_SITE),
                    "name", FieldSpec.string("name")),
            "deals", ordered(
                    "name", FieldSpec.string("description"),
                    "stage", FieldSpec.enumeration("status", List.of("open", "pending", "closed")),
                    "practice-area", relationship("practice_area", "name"),
                    "owner", relationship("responsible_attorney", "id")),
            "notes", ordered(
                    "subject", FieldSpec.string("subject"),
                    "body", FieldSpec.string("detail"),
                    "timestamp", FieldSpec.date("date")),
            "tasks", ordered(
                    "subject", FieldSpec.string("name"),
                    "body", FieldSpec.string("description"),
                    "status", FieldSpec.enumeration("status", List.of("pending", "in_progress", "in_review", "complete")),
                    "priority", FieldSpec.enumeration("priority", List.of("High", "Normal", "Low")),
                    "timestamp", FieldSpec.date("due_at"),
                    "owner", relationship("assignee", "id")));

    private ClioFields() {
    }

    static Map<String, FieldSpec> of(String object) {
        return DEFAULTS.getOrDefault(object, Map.of());
    }

    private static FieldSpec relationship(String property, String read) {
        return new FieldSpec(property, FieldType.RELATIONSHIP, List.of(), read);
    }

    private static Map<String, FieldSpec> ordered(Object... pairs) {
        Map<String, FieldSpec> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (FieldSpec) pairs[i + 1]);
        }
        return map;
    }
}
