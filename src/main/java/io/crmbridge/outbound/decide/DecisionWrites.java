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

import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.Capability;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.FieldMap;
import io.crmbridge.crm.RecordReads;
import io.crmbridge.crm.TaskPriority;
import io.crmbridge.crm.TaskStatus;
import io.crmbridge.loopguard.Fingerprints;
import io.crmbridge.loopguard.OriginStamps;
import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.ReviewRequired;
import io.crmbridge.outbound.trace.EventTrace;

/**
 * Steps of the {@code decide-write-*} routes: turn the plan for one object (header {@code decideObject}) into the
 * request for its CRM endpoint ({@code decisionAction} create/update/merge/none, the plan's contract fields turned
 * into CRM properties by the connection's field map as body, the record's id), then record what the CRM answered:
 * id, trace, effect journal and origin stamp (the inbound side's {@code originStamps}, with the properties as sent and
 * the CRM's modification time of the write).
 */
@ApplicationScoped
@Named("decisionWrites")
public class DecisionWrites {

    /** The records a note or a task is linked to. */
    private static final List<String> ENGAGEMENT_LINKS = List.of("contacts", "companies", "deals", "tickets");

    private final EffectJournal journal;
    private final OriginStamps stamps;
    private final CrmConnectors connectors;

    DecisionWrites(EffectJournal journal, OriginStamps stamps, CrmConnectors connectors) {
        this.journal = journal;
        this.stamps = stamps;
        this.connectors = connectors;
    }

    /** Contacts, companies, deals: the planned create, update or merge. */
    public void prepare(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        ObjectPlan plan = ctx.plan(in.getHeader(ExchangeKeys.DECIDE_OBJECT, String.class));
        DecideLookups.clearObjectHeaders(in);
        in.setHeader(ExchangeKeys.DECISION_ACTION, plan.action());
        if (plan.crmId() != null) {
            ctx.ids.put(plan.object(), plan.crmId());
        }
        if (!plan.writes()) {
            in.setBody(null);
            return;
        }
        Map<String, Object> properties = fieldMap(exchange).toCrm(plan.object(), plan.properties());
        bridgeProperties(exchange, ctx, properties);
        orderProperty(ctx, plan.object(), properties);
        boolean keyed = keyedBy(exchange, ctx, plan.object()) != null;
        if (plan.action().equals("create")) {
            // a CRM that needs them in the create (a Clio matter's client) takes its links from here
            in.setHeader(ExchangeKeys.CRM_LINK_TO, createLinks(ctx, plan.object()));
        }
        if (!plan.action().equals("create")) {
            in.setHeader(ExchangeKeys.CRM_OBJECT_ID, plan.crmId());
            // the update is based on what the lookups read: where the CRM can, it is refused if the record changed since
            versionRead(ctx, plan.object(), plan.crmId()).ifPresent(v -> in.setHeader(ExchangeKeys.CRM_VERSION, v));
            if (keyed && !plan.object().equals("contacts") && !ctx.own.containsKey(plan.object())) {
                // a record people made becomes the bridge's: found again by its key from now on
                properties.put(BridgeProperty.KEY, ctx.key(plan.object()));
            }
        } else if (keyed) {
            // never a plain create: an upsert by a key the bridge controls cannot make a second record on a retry
            in.setHeader(ExchangeKeys.DECISION_ACTION, "upsert");
            in.setHeader(ExchangeKeys.CRM_OBJECT, plan.object());
            in.setHeader(ExchangeKeys.CRM_ID_PROPERTY, keyedBy(exchange, ctx, plan.object()));
            in.setHeader(ExchangeKeys.CRM_UPSERT_KEY, upsertKey(ctx, plan.object()));
        }
        in.setBody(properties);
    }

    /** The version of record {@code id} as the lookups read it (its etag), if the CRM gave one. */
    private static java.util.Optional<String> versionRead(DecisionContext ctx, String object, String id) {
        List<Match> read = new java.util.ArrayList<>(switch (object) {
            case "contacts" -> ctx.contacts;
            case "companies" -> ctx.companies;
            case "deals" -> ctx.deals;
            default -> List.<Match>of();
        });
        if (ctx.own.get(object) != null) {
            read.add(ctx.own.get(object));
        }
        return read.stream().filter(m -> id.equals(m.id()) && m.version() != null).map(Match::version).findFirst();
    }

    /** The records a new deal or ticket belongs to (its contact and company), where they exist already. */
    private static Map<String, String> createLinks(DecisionContext ctx, String object) {
        Map<String, String> links = new LinkedHashMap<>();
        if (object.equals("deals") || object.equals("tickets")) {
            for (String to : List.of("contacts", "companies")) {
                if (ctx.id(to) != null) {
                    links.put(to, ctx.id(to));
                }
            }
        }
        return links;
    }

    /** The unique property an object's new records are upserted by, or null (then a plain create, journal-guarded). */
    private String keyedBy(Exchange exchange, DecisionContext ctx, String object) {
        if (object.equals("contacts")) {
            // upserted by email where the CRM can; else created after the search found none (journal-guarded)
            return can(exchange, Capability.KEYED_UPSERT) ? fieldMap(exchange).property("contacts", "email") : null;
        }
        return OwnRecords.keyed(ctx, object) ? BridgeProperty.KEY : null;
    }

    private static String upsertKey(DecisionContext ctx, String object) {
        return object.equals("contacts") ? ctx.event().contact().email() : ctx.key(object);
    }

    /** The event's time on the record, unless the record holds a newer event's values. */
    private static void orderProperty(DecisionContext ctx, String object, Map<String, Object> properties) {
        if (ctx.properties != null && ctx.properties.has(object, BridgeProperty.OCCURRED_AT)
                && !ctx.newerInCrm.contains(object)) {
            properties.put(BridgeProperty.OCCURRED_AT, ctx.occurredAt);
        }
    }

    /** Notes and tasks: created once per event (journal), associated with the contact, company and deal. */
    public void prepareEngagement(Exchange exchange) throws SQLException {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        String object = in.getHeader(ExchangeKeys.DECIDE_OBJECT, String.class);
        DecideLookups.clearObjectHeaders(in);
        if (ctx.contactOnly) {
            in.setHeader(ExchangeKeys.DECISION_ACTION, "skip");
            exchange.setProperty(ExchangeKeys.LINK_ENGAGEMENT, false);
            return;
        }
        // keyed engagements are linked by idempotent association calls (an upsert cannot carry links)
        exchange.setProperty(ExchangeKeys.LINK_ENGAGEMENT, OwnRecords.keyed(ctx, object));
        String earlier = ctx.journal.get(object);
        if (earlier != null) {
            in.setHeader(ExchangeKeys.DECISION_ACTION, "none");
            ctx.ids.put(object, earlier);
            EventTrace.of(exchange).decision(object, "none", "created by an earlier attempt: " + earlier);
            return;
        }
        Map<String, Object> properties = fieldMap(exchange).toCrm(object,
                object.equals("notes") ? noteFields(ctx) : taskFields(ctx));
        bridgeProperties(exchange, ctx, properties);
        Match own = ctx.own.get(object);
        if (own != null) {
            // made by an earlier attempt whose answer was lost: found by its key; its links are made again below
            in.setHeader(ExchangeKeys.DECISION_ACTION, "none");
            ctx.ids.put(object, own.id());
            EventTrace.of(exchange).decision(object, "none", "made by an earlier attempt, found by its key: " + own.id());
            return;
        }
        Map<String, String> linkTo = new LinkedHashMap<>();
        ENGAGEMENT_LINKS.stream().filter(o -> ctx.id(o) != null).forEach(o -> linkTo.put(o, ctx.id(o)));
        boolean linked = LinkedEngagements.applies(connectors, exchange, ctx, object);
        if (linked) {
            // its key in a plain property, and marked as begun: a later attempt finds it among the contact's records
            // (OwnRecords) instead of making another
            journal.rememberTry(ctx.ledgerKey(), object, ctx.event().eventId());
        }
        if (OwnRecords.keyed(ctx, object) || linked) {
            // created with its links in one call (many events' in one batch), holding its key: where the key is
            // unique a second create of it is refused, and then (an earlier attempt made it) it is upserted and linked
            // by idempotent association calls instead
            in.setHeader(ExchangeKeys.DECISION_ACTION, "create-keyed");
            exchange.setProperty(ExchangeKeys.LINK_ENGAGEMENT, false);
            exchange.setProperty(ExchangeKeys.ENGAGEMENT_PROPERTIES, properties);
            in.setHeader(ExchangeKeys.CRM_OBJECT, object);
            in.setHeader(ExchangeKeys.CRM_ID_PROPERTY, BridgeProperty.KEY);
            in.setHeader(ExchangeKeys.CRM_UPSERT_KEY, ctx.key(object));
            in.setHeader(ExchangeKeys.CRM_LINK_TO, linkTo);
            in.setBody(properties);
            EventTrace.of(exchange).decision(object, "create", (object.equals("notes") ? "note with the source event"
                    : "onboarding task after a " + ctx.event().eventType() + " event") + ", key " + ctx.key(object)
                    + ", linked to " + linkTo.keySet());
            return;
        }
        if (connectors.reads(connectors.connectionOf(exchange)).keepsKeyOf(object)) {
            properties.put(BridgeProperty.KEY, ctx.key(object)); // kept in the record: found again by it (OwnRecords)
        }
        in.setHeader(ExchangeKeys.DECISION_ACTION, "create");
        in.setHeader(ExchangeKeys.CRM_LINK_TO, linkTo);
        in.setBody(properties);
        EventTrace.of(exchange).decision(object, "create", object.equals("notes") ? "note with the source event"
                : "onboarding task after a " + ctx.event().eventType() + " event");
    }

    /**
     * After a keyed create: recorded like any write, or, when a record already holds the key (an earlier attempt of
     * this event made it, its answer lost), the same properties go out as an upsert by the key and the links are
     * made again.
     */
    @SuppressWarnings("unchecked")
    public void keyedCreated(Exchange exchange) throws SQLException {
        Message in = exchange.getMessage();
        if (Boolean.TRUE.equals(in.getHeader(ExchangeKeys.CRM_KEY_TAKEN, Boolean.class))) {
            in.setHeader(ExchangeKeys.DECISION_ACTION, "upsert");
            in.setBody(exchange.getProperty(ExchangeKeys.ENGAGEMENT_PROPERTIES, Map.class));
            exchange.setProperty(ExchangeKeys.LINK_ENGAGEMENT, true);
            return;
        }
        in.setHeader(ExchangeKeys.DECISION_ACTION, "create");
        written(exchange);
        in.setHeader(ExchangeKeys.DECISION_ACTION, "created");
    }

    /** After the CRM call: the record's id, the response in the trace, the journal entry and the origin stamp. */
    public void written(Exchange exchange) throws SQLException {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        String object = in.getHeader(ExchangeKeys.DECIDE_OBJECT, String.class);
        String action = in.getHeader(ExchangeKeys.DECISION_ACTION, String.class);
        if (action.equals("none") || action.equals("skip")) {
            return;
        }
        Object answer = in.getBody();
        String connection = connectors.connectionOf(exchange);
        RecordReads reads = connectors.reads(connection);
        CrmRecord record = reads.record(object, CrmAnswer.of(answer));
        if (record == null && (action.equals("upsert") || action.equals("create"))) {
            // a grouped call's answer: this write's share of a batch answer
            List<String> errors = reads.batchErrors(CrmAnswer.of(answer));
            List<CrmRecord> records = reads.records(object, CrmAnswer.of(answer));
            if (records.isEmpty()) {
                throw new ReviewRequired("CRM_REJECTED", "the CRM wrote no " + object + ": " + errors);
            }
            record = records.get(0);
        }
        String id = record != null ? record.id() : ctx.id(object);
        ctx.ids.put(object, id);
        EventTrace.of(exchange).crmId(object, id);
        EventTrace.of(exchange).response(object, action, in.getHeader(ExchangeKeys.CRM_RESPONSE_STATUS), answer);
        String eventId = ctx.event().eventId();
        journal.remember(ctx.ledgerKey(), object, id, eventId);
        ObjectPlan plan = ctx.plan(object);
        if (plan != null) {
            Map<String, String> written = new LinkedHashMap<>();
            fieldMap(exchange).toCrm(object, plan.properties())
                    .forEach((k, v) -> written.put(k, v == null ? null : String.valueOf(Fingerprints.relationshipValue(v))));
            // the inbound poller recognises this write as our own echo (same values, not modified after it)
            stamps.stamp(connection, object, id, written, eventId,
                    record == null || record.modifiedAt() == null ? null : record.modifiedAt().toString());
        }
    }

    /** Association {@code decideAssociation} ("deals:contacts"): from and to ids, or nothing when one side is absent. */
    public void prepareAssociation(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        Message in = exchange.getMessage();
        String[] pair = in.getHeader(ExchangeKeys.DECIDE_ASSOCIATION, String.class).split(":");
        DecideLookups.clearObjectHeaders(in);
        boolean both = ctx.id(pair[0]) != null && ctx.id(pair[1]) != null;
        if (both && !connectors.links(connectors.connectionOf(exchange)).canAssociate(pair[0], pair[1])) {
            EventTrace.of(exchange).decision(pair[0] + ":" + pair[1], "none", "this CRM keeps no such association");
            both = false;
        }
        exchange.setProperty(ExchangeKeys.ASSOCIATE, both);
        if (both) {
            in.setHeader(ExchangeKeys.CRM_OBJECT, pair[0]);
            in.setHeader(ExchangeKeys.CRM_OBJECT_ID, ctx.id(pair[0]));
            in.setHeader(ExchangeKeys.CRM_TO_OBJECT, pair[1]);
            in.setHeader(ExchangeKeys.CRM_TO_OBJECT_ID, ctx.id(pair[1]));
        }
    }

    public void associated(Exchange exchange) {
        Message in = exchange.getMessage();
        String association = in.getHeader(ExchangeKeys.DECIDE_ASSOCIATION, String.class);
        EventTrace.of(exchange).response("association", association, in.getHeader(ExchangeKeys.CRM_RESPONSE_STATUS),
                in.getBody());
        if (!can(exchange, Capability.RELATIONSHIP_FIELDS)) {
            return;
        }
        // a CRM that keeps links as fields of the record (Clio) changed the record: the stamp moves to that change
        String object = association.split(":")[0];
        String connection = connectors.connectionOf(exchange);
        CrmRecord record = in.getBody() == null ? null : connectors.reads(connection).record(object, CrmAnswer.of(in.getBody()));
        if (record != null && record.id() != null && record.modifiedAt() != null) {
            stamps.moved(connection, object, record.id(), record.modifiedAt());
        }
    }

    /** The record's origin, where the CRM has the bridge's own properties (else the origin stamp alone tells). */
    private void bridgeProperties(Exchange exchange, DecisionContext ctx, Map<String, Object> properties) {
        if (!can(exchange, Capability.BRIDGE_PROPERTIES)) {
            return;
        }
        properties.put("crmbridge_origin", "crm-bridge:" + ctx.event().sourceSystem());
        properties.put("crmbridge_event_id", ctx.event().eventId());
    }

    private boolean can(Exchange exchange, Capability capability) {
        return connectors.can(connectors.connectionOf(exchange), capability);
    }

    private FieldMap fieldMap(Exchange exchange) {
        return connectors.fieldMap(connectors.connectionOf(exchange));
    }

    /** The note's contract fields: its text and when the event happened. */
    private static Map<String, Object> noteFields(DecisionContext ctx) {
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
        return Map.of("body", body.toString(), "timestamp", timestamp(e));
    }

    /** The onboarding task's contract fields. */
    private static Map<String, Object> taskFields(DecisionContext ctx) {
        OutboundEvent e = ctx.event();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", "Onboarding: " + (e.contact().fullName() != null ? e.contact().fullName() : e.contact().email()));
        fields.put("body", "Start onboarding after the " + e.eventType() + " event " + e.eventId());
        fields.put("status", TaskStatus.OPEN.name());
        fields.put("priority", TaskPriority.HIGH.name());
        fields.put("timestamp", timestamp(e));
        if (ctx.ownerId != null) {
            fields.put("owner", ctx.ownerId);
        }
        return fields;
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
