package io.crmbridge.outbound.decide;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.FieldMap;
import io.crmbridge.connection.PropertyProvisioning;
import io.crmbridge.crm.RecordReads;
import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;

/**
 * Steps of route {@code decide-lookup}: search before create for records people made (contact by email, company by
 * domain, the contact's open deal in the pipeline), the bridge's own records by their keys ({@link OwnRecords}), and
 * each answer kept on the {@link DecisionContext}. Properties {@code lookupCompany} and {@code lookupDeals} say which
 * searches apply.
 */
@ApplicationScoped
@Named("decideLookups")
public class DecideLookups {

    private final EffectJournal journal;
    private final DecisionEngine engine;
    private final CrmConnectors connectors;
    private final PropertyProvisioning provisioning;
    private final DecideConfig config;
    private final SourceWrites sources;

    DecideLookups(EffectJournal journal, DecisionEngine engine, CrmConnectors connectors,
            PropertyProvisioning provisioning, DecideConfig config, SourceWrites sources) {
        this.sources = sources;
        this.journal = journal;
        this.engine = engine;
        this.connectors = connectors;
        this.provisioning = provisioning;
        this.config = config;
    }

    /** New decision context: provisioned properties, keys, the effects of earlier attempts; body: the email. */
    public void start(Exchange exchange) throws SQLException {
        OutboundEvent event = exchange.getProperty(ExchangeKeys.OUTBOUND_EVENT, OutboundEvent.class);
        DecisionContext ctx = new DecisionContext(event, exchange.getMessage().getHeader(ExchangeKeys.LEDGER_KEY, String.class));
        String connection = connectors.connectionOf(exchange);
        ctx.properties = provisioning.state(connection);
        ctx.sameValue = connectors.fieldMap(connection)::sameInCrm;
        ctx.journal.putAll(journal.recall(ctx.ledgerKey));
        ctx.occurredAt = occurredAt(event);
        ctx.pipeline = engine.pipeline(event);
        ctx.contactOnly = sources.writes(event.sourceSystem()) == io.crmbridge.outbound.SourcesConfig.Writes.CONTACT;
        exchange.setProperty(ExchangeKeys.DECISION, ctx);
        if (ctx.contactOnly) {
            // only the contact: found by its email with one consistent read (no search), then upserted by email
            exchange.setProperty(ExchangeKeys.LOOKUP_CONTACT, false);
            exchange.setProperty(ExchangeKeys.LOOKUP_COMPANY, false);
            exchange.setProperty(ExchangeKeys.LOOKUP_DEALS, false);
            clearObjectHeaders(exchange.getMessage());
            return;
        }
        exchange.setProperty(ExchangeKeys.LOOKUP_CONTACT, true);
        if (event.company() != null && event.company().domain() != null) {
            ctx.keys.put("companies", event.company().domain().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (config.dealStage().get(event.eventType()) != null) {
            ctx.dealKeys.addAll(OwnRecords.dealKeys(ctx));
            ctx.keys.put("deals", OwnRecords.dealKey(ctx, 1));
        }
        if (engine.makesTicket(event)) {
            ctx.keys.put("tickets", "ticket:" + event.sourceSystem() + ":"
                    + (event.sourceRecordId() != null ? event.sourceRecordId() : event.idempotencyKey()));
        }
        // by the idempotency key, not the event id: a second delivery of the event (its 202 lost in a crash) is
        // another raw event, and its note must be the same record whichever delivery writes it (the other ends DUPLICATE)
        ctx.keys.put("notes", "note:" + event.idempotencyKey());
        if (config.onboardingTaskEventTypes().contains(event.eventType())) {
            ctx.keys.put("tasks", "task:" + event.idempotencyKey());
        }
        exchange.setProperty(ExchangeKeys.DECISION, ctx);
        exchange.setProperty(ExchangeKeys.LOOKUP_COMPANY, false);
        exchange.setProperty(ExchangeKeys.LOOKUP_DEALS, false);
        Message in = exchange.getMessage();
        clearObjectHeaders(in);
        in.setHeader(ExchangeKeys.CRM_PROPERTIES, String.join(",", readProperties(ctx, fieldMap(exchange), "contacts")));
        in.setBody(event.contact().email());
    }

    /** The contact search's answer. */
    public void contactsFound(Exchange exchange) {
        context(exchange).contacts = matches(connectors, exchange, "contacts", exchange.getMessage().getBody());
    }

    /** After the bridge's own records were read: which searches for records people made are still needed. */
    public void searchesNeeded(Exchange exchange) {
        DecisionContext ctx = context(exchange);
        String contactId = ctx.contacts.size() == 1 ? ctx.contacts.get(0).id() : ctx.journal.get("contacts");
        Message in = exchange.getMessage();
        clearObjectHeaders(in);
        boolean company = ctx.event.company() != null && ctx.event.company().domain() != null
                && !ctx.own.containsKey("companies");
        exchange.setProperty(ExchangeKeys.LOOKUP_COMPANY, company);
        boolean deals = contactId != null && ctx.contacts.size() <= 1 && !ctx.dealKeys.isEmpty()
                && !ctx.own.containsKey("deals");
        exchange.setProperty(ExchangeKeys.LOOKUP_DEALS, deals);
        if (deals) {
            in.setHeader(ExchangeKeys.CRM_OBJECT_ID, contactId);
            in.setHeader(ExchangeKeys.CRM_PIPELINE, ctx.pipeline);
        }
        in.setHeader(ExchangeKeys.CRM_PROPERTIES, String.join(",", readProperties(ctx, fieldMap(exchange), "companies")));
        in.setBody(ctx.event.company() == null ? null : ctx.event.company().domain());
    }

    public void companiesFound(Exchange exchange) {
        context(exchange).companies = matches(connectors, exchange, "companies", exchange.getMessage().getBody());
    }

    @SuppressWarnings("unchecked")
    public void dealsFound(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        context(exchange).deals = body instanceof List<?> list ? (List<Match>) list : List.of();
    }

    static void clearObjectHeaders(Message in) {
        in.removeHeader(ExchangeKeys.CRM_OBJECT_ID);
        in.removeHeader(ExchangeKeys.CRM_VERSION);
        in.removeHeader(ExchangeKeys.CRM_TO_OBJECT);
        in.removeHeader(ExchangeKeys.CRM_TO_OBJECT_ID);
        in.removeHeader(ExchangeKeys.CRM_ID_PROPERTY);
        in.removeHeader(ExchangeKeys.CRM_PROPERTIES);
        in.removeHeader(ExchangeKeys.CRM_LINK_TO);
        in.removeHeader(ExchangeKeys.CRM_OBJECT);
        in.removeHeader(ExchangeKeys.CRM_PIPELINE);
        in.removeHeader(ExchangeKeys.CRM_UPSERT_KEY);
    }

    /** A search or read answer -> its records, as contract fields with the bridge's key and event time. */
    static List<Match> matches(CrmConnectors connectors, Exchange exchange, String object, Object answer) {
        String connection = connectors.connectionOf(exchange);
        FieldMap fields = connectors.fieldMap(connection);
        List<Object> answers = answer instanceof List<?> list ? new ArrayList<>(list) : List.of(answer);
        List<Match> matches = new ArrayList<>();
        RecordReads reads = connectors.reads(connection);
        for (Object one : answers) {
            for (CrmRecord r : reads.records(object, CrmAnswer.of(one))) {
                matches.add(new Match(r.id(), fields.fromCrm(object, r.properties()), number(r.property(
                        BridgeProperty.OCCURRED_AT)), r.property(BridgeProperty.KEY) == null ? null
                                : String.valueOf(r.property(BridgeProperty.KEY)), reads.version(r)));
            }
        }
        return matches;
    }

    /** The properties to read of an object: the field map's and the bridge's own where they are provisioned. */
    static List<String> readProperties(DecisionContext ctx, FieldMap fields, String object) {
        List<String> names = new ArrayList<>(fields.readProperties(object));
        for (String own : List.of(BridgeProperty.KEY, BridgeProperty.OCCURRED_AT)) {
            if (ctx.properties != null && ctx.properties.has(object, own) && !names.contains(own)) {
                names.add(own);
            }
        }
        return names;
    }

    private FieldMap fieldMap(Exchange exchange) {
        return connectors.fieldMap(connectors.connectionOf(exchange));
    }

    static DecisionContext context(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.DECISION, DecisionContext.class);
    }

    /** The source's occurred_at (ISO-8601) in epoch ms, else now: an event without a time counts as the newest. */
    static long occurredAt(OutboundEvent event) {
        try {
            return event.occurredAt() != null ? Instant.parse(event.occurredAt()).toEpochMilli() : System.currentTimeMillis();
        } catch (DateTimeParseException e) {
            return System.currentTimeMillis();
        }
    }

    private static Long number(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(String.valueOf(value).trim()).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
