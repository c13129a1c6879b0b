package io.crmbridge.crm.clio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.crm.DealStage;
import io.crmbridge.crm.FieldType;
import io.crmbridge.crm.FieldSpec;
import io.crmbridge.crm.TaskPriority;
import io.crmbridge.crm.TaskStatus;

/**
 * Clio's field names for the bridge's contract fields, per object. Clio keeps emails, phones and web sites as arrays of
 * objects; the connector shows the primary one of each as a flat property ({@link ClioShapes}), so a field map names
 * {@code primary_email_address}, {@code primary_phone_number} and {@code primary_web_site}. What Clio does not keep
 * is {@link FieldSpec#none()}: a deal's pipeline and amount, a contact's lifecycle stage and owner (a matter has the
 * responsible attorney), a person's web site (the company has it); stages and task values are translated. A person's
 * company is linked by id (an association), never by a name. Relationship fields
 * ({@code {id, name}}) read their name, except where the bridge needs the id. A connection's {@code field-map}
 * overrides any of them.
 */
final class ClioFields {

    static final String EMAIL = "primary_email_address";
    static final String PHONE = "primary_phone_number";
    static final String WEB_SITE = "primary_web_site";

    /**
     * The bridge's deal stages as a matter's status: a won or lost deal is a closed matter, a contract out is pending,
     * every earlier stage is open. In this order, so a status reads back as its first stage: {@code open} as
     * {@code APPOINTMENT}, {@code pending} as {@code CONTRACT}, {@code closed} as {@code WON} (closed either way). A
     * connection whose stages differ sets {@code field-map.deals.stage.values.<stage>=<status>}.
     */
    static final Map<String, String> STAGES = stages();

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        for (DealStage stage : DealStage.values()) {
            stages.put(stage.name(), switch (stage) {
                case WON, LOST -> "closed";
                case CONTRACT -> "pending";
                default -> "open";
            });
        }
        return stages;
    }

    private static final Map<String, Map<String, FieldSpec>> DEFAULTS = Map.of(
            "contacts", ordered(
                    "email", FieldSpec.string(EMAIL),
                    "first-name", FieldSpec.string("first_name"),
                    "last-name", FieldSpec.string("last_name"),
                    "phone", FieldSpec.string(PHONE),
                    "company-name", relationship("company", "name"),
                    "website", FieldSpec.none(),
                    "lifecycle-stage", FieldSpec.none(),
                    "owner", FieldSpec.none()),
            "companies", ordered(
                    "domain", FieldSpec.string(WEB_SITE),
                    "name", FieldSpec.string("name"),
                    "owner", FieldSpec.none()),
            "deals", ordered(
                    "name", FieldSpec.string("description"),
                    "pipeline", FieldSpec.none(),
                    "amount", FieldSpec.none(),
                    "stage", FieldSpec.enumeration("status", List.of("open", "pending", "closed")).withValues(STAGES),
                    "practice-area", relationship("practice_area", "name"),
                    "owner", relationship("responsible_attorney", "id")),
            "notes", ordered(
                    "subject", FieldSpec.string("subject"),
                    "body", FieldSpec.string("detail"),
                    "timestamp", FieldSpec.date("date")),
            "tasks", ordered(
                    "subject", FieldSpec.string("name"),
                    "body", FieldSpec.string("description"),
                    "status", FieldSpec.enumeration("status", List.of("pending", "in_progress", "in_review", "complete"))
                            .withValues(Map.of(TaskStatus.OPEN.name(), "pending", TaskStatus.IN_PROGRESS.name(), "in_progress",
                                    TaskStatus.WAITING.name(), "pending", TaskStatus.DEFERRED.name(), "pending",
                                    TaskStatus.DONE.name(), "complete")),
                    "priority", FieldSpec.enumeration("priority", List.of("High", "Normal", "Low"))
                            .withValues(Map.of(TaskPriority.HIGH.name(), "High", TaskPriority.NORMAL.name(), "Normal",
                                    TaskPriority.LOW.name(), "Low")),
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
