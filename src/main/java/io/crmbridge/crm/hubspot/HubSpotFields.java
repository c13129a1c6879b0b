package io.crmbridge.crm.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.crm.DealStage;
import io.crmbridge.crm.FieldSpec;
import io.crmbridge.crm.TaskPriority;
import io.crmbridge.crm.TaskStatus;
import io.crmbridge.crm.TicketStage;

/**
 * HubSpot's property API names for the contract fields the bridge writes and reads, per object; a connection's
 * {@code field-map} overrides any of them (a renamed or custom property is configuration).
 */
final class HubSpotFields {

    static final String OWNER = "hubspot_owner_id";

    /** The bridge's task statuses as HubSpot's {@code hs_task_status}. */
    static final Map<String, String> TASK_STATUSES = Map.of(TaskStatus.OPEN.name(), "NOT_STARTED",
            TaskStatus.IN_PROGRESS.name(), "IN_PROGRESS", TaskStatus.WAITING.name(), "WAITING",
            TaskStatus.DEFERRED.name(), "DEFERRED", TaskStatus.DONE.name(), "COMPLETED");

    /** The bridge's task priorities as HubSpot's {@code hs_task_priority}. */
    static final Map<String, String> TASK_PRIORITIES = Map.of(TaskPriority.LOW.name(), "LOW",
            TaskPriority.NORMAL.name(), "MEDIUM", TaskPriority.HIGH.name(), "HIGH");

    /** The bridge's default support pipeline as HubSpot's: pipeline "0". */
    static final Map<String, String> PIPELINES = Map.of(TicketStage.DEFAULT_PIPELINE, "0");

    /** The bridge's ticket stages as the stages of HubSpot's default support pipeline ("1" New ... "4" Closed). */
    static final Map<String, String> TICKET_STAGES = Map.of(TicketStage.NEW.name(), "1",
            TicketStage.WAITING_ON_CONTACT.name(), "2", TicketStage.WAITING_ON_US.name(), "3",
            TicketStage.CLOSED.name(), "4");

    /** The bridge's deal stages as the stages of HubSpot's default sales pipeline ("default"). */
    static final Map<String, String> DEAL_STAGES = Map.of(DealStage.APPOINTMENT.name(), "appointmentscheduled",
            DealStage.QUALIFIED.name(), "qualifiedtobuy", DealStage.PRESENTATION.name(), "presentationscheduled",
            DealStage.DECISION.name(), "decisionmakerboughtin", DealStage.CONTRACT.name(), "contractsent",
            DealStage.WON.name(), "closedwon", DealStage.LOST.name(), "closedlost");

    private static final Map<String, Map<String, FieldSpec>> DEFAULTS = Map.of(
            "contacts", ordered(
                    "email", FieldSpec.string("email"),
                    "first-name", FieldSpec.string("firstname"),
                    "last-name", FieldSpec.string("lastname"),
                    "phone", FieldSpec.string("phone"),
                    "company-name", FieldSpec.string("company"),
                    "website", FieldSpec.string("website"),
                    "lifecycle-stage", FieldSpec.string("lifecyclestage"),
                    "owner", FieldSpec.string(OWNER)),
            "companies", ordered(
                    "domain", FieldSpec.string("domain"),
                    "name", FieldSpec.string("name"),
                    "owner", FieldSpec.string(OWNER)),
            "deals", ordered(
                    "name", FieldSpec.string("dealname"),
                    "pipeline", FieldSpec.string("pipeline"),
                    "stage", FieldSpec.string("dealstage").withValues(DEAL_STAGES),
                    "amount", FieldSpec.number("amount"),
                    "owner", FieldSpec.string(OWNER)),
            "notes", ordered(
                    "body", FieldSpec.string("hs_note_body"),
                    "timestamp", FieldSpec.date("hs_timestamp")),
            "tickets", ordered(
                    "subject", FieldSpec.string("subject"),
                    "body", FieldSpec.string("content"),
                    "pipeline", FieldSpec.string("hs_pipeline").withValues(PIPELINES),
                    "stage", FieldSpec.string("hs_pipeline_stage").withValues(TICKET_STAGES),
                    "owner", FieldSpec.string(OWNER)),
            "tasks", ordered(
                    "subject", FieldSpec.string("hs_task_subject"),
                    "body", FieldSpec.string("hs_task_body"),
                    "status", FieldSpec.enumeration("hs_task_status", List.of("NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"))
                            .withValues(TASK_STATUSES),
                    "priority", FieldSpec.enumeration("hs_task_priority", List.of("LOW", "MEDIUM", "HIGH"))
                            .withValues(TASK_PRIORITIES),
                    "timestamp", FieldSpec.date("hs_timestamp"),
                    "owner", FieldSpec.string(OWNER)));

    /** The properties HubSpot returns when a read names none (besides the system ones). */
    private static final Map<String, List<String>> RETURNED_BY_DEFAULT = Map.of(
            "contacts", List.of("email", "firstname", "lastname"),
            "companies", List.of("domain", "name"),
            "deals", List.of("amount", "closedate", "dealname", "dealstage", "pipeline"));

    private HubSpotFields() {
    }

    static List<String> returnedByDefault(String object) {
        return RETURNED_BY_DEFAULT.getOrDefault(object, List.of());
    }

    static Map<String, FieldSpec> of(String object) {
        return DEFAULTS.getOrDefault(object, Map.of());
    }

    private static Map<String, FieldSpec> ordered(Object... pairs) {
        Map<String, FieldSpec> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (FieldSpec) pairs[i + 1]);
        }
        return map;
    }
}
