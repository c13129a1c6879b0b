package io.crmbridge.outbound.decide;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.crm.hubspot.HubSpotRequests;
import io.crmbridge.inbound.OriginStamps;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.trace.EventTrace;

/**
 * Steps of the {@code decide-write-*} routes: turn the plan for one object (header {@code decideObject}) into the
 * request for its CRM endpoint ({@code decisionAction} create/update/merge/none, the properties as body, the record's
 * id), then record what the CRM answered: id, trace, effect journal and origin stamp (the inbound side's
 * {@code originStamps}, with the mapped properties as sent and the CRM's modification time of the write).
 */
@ApplicationScoped
@Named("decisionWrites")
public class DecisionWrites {

    public static final String OBJECT = "decideObject";
    public static final String ACTION = "decisionAction";

    /** HubSpot's default association type ids from a note / a task to contact, company and deal. */
    private static final Map<String, Map<String, Integer>> ENGAGEMENT_TYPES = Map.of(
            "notes", Map.of("contacts", 202, "companies", 190, "deals", 214),
            "tasks", Map.of("contacts", 204, "companies", 192, "deals", 216));

    private final EffectJournal journal;
    private final OriginStamps stamps;

    DecisionWrites(EffectJournal journal, OriginStamps stamps) {
        this.journal = journal;
        this.stamps = stamps;
    }

    /** Contacts, companies, deals: the planned create, update or merge. */
    public void prepare(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        ObjectPlan plan = ctx.plan(in.getHeader(OBJECT, String.class));
        DecideLookups.clearObjectHeaders(in);
        in.setHeader(ACTION, plan.action());
        if (plan.crmId() != null) {
            ctx.ids.put(plan.object(), plan.crmId());
        }
        if (!plan.writes()) {
            in.setBody(null);
            return;
        }
        if (!plan.action().equals("create")) {
            in.setHeader(HubSpotRequests.OBJECT_ID, plan.crmId());
        }
        Map<String, Object> properties = new LinkedHashMap<>(plan.properties());
        bridgeProperties(ctx, properties);
        in.setBody(properties);
    }

    /** Notes and tasks: created once per event (journal), associated with the contact, company and deal. */
    public void prepareEngagement(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        String object = in.getHeader(OBJECT, String.class);
        DecideLookups.clearObjectHeaders(in);
        String earlier = ctx.journal.get(object);
        if (earlier != null) {
            in.setHeader(ACTION, "none");
            ctx.ids.put(object, earlier);
            EventTrace.of(exchange).decision(object, "none", "created by an earlier attempt: " + earlier);
            return;
        }
        in.setHeader(ACTION, "create");
        Map<String, Object> properties = new LinkedHashMap<>(object.equals("notes") ? noteProperties(ctx) : taskProperties(ctx));
        bridgeProperties(ctx, properties);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("properties", properties);
        input.put("associations", ENGAGEMENT_TYPES.get(object).entrySet().stream()
                .filter(e -> ctx.id(e.getKey()) != null)
                .map(e -> Map.of("to", Map.of("id", ctx.id(e.getKey())),
                        "types", List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", e.getValue()))))
                .toList());
        in.setBody(input);
        EventTrace.of(exchange).decision(object, "create", object.equals("notes") ? "note with the source event"
                : "onboarding task after a " + ctx.event().eventType() + " event");
    }

    /** After the CRM call: the record's id, the response in the trace, the journal entry and the origin stamp. */
    @SuppressWarnings("unchecked")
    public void written(Exchange exchange) throws SQLException {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        String object = in.getHeader(OBJECT, String.class);
        String action = in.getHeader(ACTION, String.class);
        if (action.equals("none") || action.equals("skip")) {
            return;
        }
        Map<String, Object> answer = in.getBody(Map.class);
        String id = answer != null && answer.get("id") != null ? String.valueOf(answer.get("id")) : ctx.id(object);
        ctx.ids.put(object, id);
        EventTrace.of(exchange).crmId(object, id);
        EventTrace.of(exchange).response(object, action, in.getHeader("crmResponseStatus"), answer);
        String eventId = ctx.event().eventId();
        journal.remember(ctx.ledgerKey(), object, id, eventId);
        ObjectPlan plan = ctx.plan(object);
        if (plan != null) {
            Map<String, String> written = new LinkedHashMap<>();
            plan.properties().forEach((k, v) -> written.put(k, v == null ? null : String.valueOf(v)));
            // the inbound poller recognises this write as our own echo (same values, not modified after it)
            stamps.stamp(in.getHeader("crmConnection", String.class), object, id, written, eventId,
                    answer == null || answer.get("updatedAt") == null ? null : String.valueOf(answer.get("updatedAt")));
        }
    }

    /** Association {@code decideAssociation} ("deals:contacts"): from and to ids, or nothing when one side is absent. */
    public void prepareAssociation(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        String[] pair = in.getHeader("decideAssociation", String.class).split(":");
        DecideLookups.clearObjectHeaders(in);
        boolean both = ctx.id(pair[0]) != null && ctx.id(pair[1]) != null;
        exchange.setProperty("associate", both);
        if (both) {
            in.setHeader("crmObject", pair[0]);
            in.setHeader(HubSpotRequests.OBJECT_ID, ctx.id(pair[0]));
            in.setHeader(HubSpotRequests.TO_OBJECT, pair[1]);
            in.setHeader(HubSpotRequests.TO_OBJECT_ID, ctx.id(pair[1]));
        }
    }

    public void associated(Exchange exchange) {
        Message in = exchange.getMessage();
        EventTrace.of(exchange).response("association", in.getHeader("decideAssociation", String.class),
                in.getHeader("crmResponseStatus"), in.getBody());
    }

    private static void bridgeProperties(DecisionContext ctx, Map<String, Object> properties) {
        properties.put("crmbridge_origin", "crm-bridge:" + ctx.event().sourceSystem());
        properties.put("crmbridge_event_id", ctx.event().eventId());
    }

    private static Map<String, Object> noteProperties(DecisionContext ctx) {
        OutboundEvent e = ctx.event();
        StringBuilder body = new StringBuilder();
        body.append(e.eventType()).append(" event from ").append(e.sourceSystem());
        if (e.sourceRecordId() != null) {
            body.append(" (record ").append(e.sourceRecordId()).append(')');
        }
        body.append(", event ").append(e.eventId()).append(", key ").append(e.idempotencyKey());
        if (e.leadContext() != null && e.leadContext().painSummary() != null) {
            body.append("\nSummary: ").append(e.leadContext().painSummary());
        }
        if (e.details() != null) {
            body.append("\nDetails: ").append(e.details());
        }
        return Map.of("hs_note_body", body.toString(), "hs_timestamp", timestamp(e));
    }

    private static Map<String, Object> taskProperties(DecisionContext ctx) {
        OutboundEvent e = ctx.event();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("hs_task_subject", "Onboarding: " + (e.contact().fullName() != null ? e.contact().fullName() : e.contact().email()));
        props.put("hs_task_body", "Start onboarding after the " + e.eventType() + " event " + e.eventId());
        props.put("hs_task_status", "NOT_STARTED");
        props.put("hs_task_priority", "HIGH");
        props.put("hs_timestamp", timestamp(e));
        if (ctx.ownerId != null) {
            props.put("hubspot_owner_id", ctx.ownerId);
        }
        return props;
    }

    /** When the event happened, if the source said so in ISO-8601, else now. */
    private static String timestamp(OutboundEvent e) {
        try {
            return e.occurredAt() != null ? Instant.parse(e.occurredAt()).toString() : Instant.now().toString();
        } catch (java.time.format.DateTimeParseException notIso) {
            return Instant.now().toString();
        }
    }
}
