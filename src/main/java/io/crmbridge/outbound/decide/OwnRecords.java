package io.crmbridge.outbound.decide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.FieldMap;
import io.crmbridge.connection.PropertyProvisioning.KeyMode;
import io.crmbridge.model.ExchangeKeys;

/**
 * Steps of the loop in route {@code decide-lookup} that finds the records the bridge made by reading their keys,
 * which is consistent, instead of searching, whose index lags writes by seconds (docs/architecture.md,
 * "Exactly-once writes"). One batch read per object: the contact by email (when search found none: it may be new and not yet
 * indexed), the company by its domain key, the deal generation by generation (the next one after a closed deal), the
 * event's ticket. Notes and tasks are not read where their upsert by key is idempotent; where they cannot hold a unique
 * key they are found among the contact's linked records ({@link LinkedEngagements}).
 * Property {@code ownObject} names the next read, null when there is none left.
 */
@ApplicationScoped
@Named("ownRecords")
public class OwnRecords {

    static final String NEXT = "ownObject";
    /** Whether the next read is of the contact's linked records ({@link LinkedEngagements}): route property. */
    static final String LINKED_READ = "ownLinked";
    private static final String LINKED = "linked:";
    private static final String QUEUE = "ownReads";
    /** Deal generations read at once: a contact's n-th deal in a pipeline after n - 1 were closed. */
    static final int DEAL_GENERATIONS = 10;

    private final CrmConnectors connectors;
    private final DecideConfig config;
    private final OpenDeals.DealsConfig deals;

    OwnRecords(CrmConnectors connectors, DecideConfig config, OpenDeals.DealsConfig deals) {
        this.connectors = connectors;
        this.config = config;
        this.deals = deals;
    }

    /** The reads this event needs, in order; called once after the contact search. */
    void plan(Exchange exchange, DecisionContext ctx) {
        Deque<String> reads = new ArrayDeque<>();
        // a contact the lagging search missed is read by email where the CRM reads by a unique property; a CRM
        // without one (Clio) answered the search from its list, which does not lag
        if (ctx.contacts.isEmpty() && connectors.can(connectors.connectionOf(exchange),
                io.crmbridge.crm.Capability.KEYED_UPSERT)) {
            reads.add("contacts");
        }
        if (ctx.key("companies") != null && keyed(ctx, "companies")) {
            reads.add("companies");
        }
        if (!ctx.dealKeys.isEmpty() && keyed(ctx, "deals")) {
            reads.add("deals");
        }
        // notes and tasks are not read: their upsert by key is idempotent, so one made by an earlier attempt whose
        // answer was lost is written again, not twice, and its links are made again either way
        for (String object : List.of("tickets")) {
            if (ctx.key(object) != null && keyed(ctx, object)) {
                reads.add(object);
            }
        }
        // a CRM without unique properties that keeps a note's or task's key in the record (Clio): the one an earlier
        // attempt made, its answer lost, is found by its key instead of being made again
        for (String object : List.of("notes", "tasks")) {
            if (!ctx.contactOnly && ctx.key(object) != null && !keyed(ctx, object)
                    && connectors.reads(connectors.connectionOf(exchange)).keepsKeyOf(object)) {
                reads.add(object);
            }
        }
        // a CRM that cannot hold a unique property on notes and tasks but keeps the key in a plain one: the contact's
        // linked notes (tasks) are read, and the one an earlier attempt made is found by its key
        for (String object : List.of("notes", "tasks")) {
            if (!ctx.contactOnly && LinkedEngagements.tried(ctx, object)
                    && LinkedEngagements.applies(connectors, exchange, ctx, object)) {
                reads.add(LINKED + object);
            }
        }
        exchange.setProperty(QUEUE, reads);
    }

    static boolean keyed(DecisionContext ctx, String object) {
        return ctx.properties != null && ctx.properties.key(object) == KeyMode.UNIQUE;
    }

    /** Sets up the next read (object, key property, values as body), or clears {@code ownObject}. */
    @SuppressWarnings("unchecked")
    public void next(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        Deque<String> reads = exchange.getProperty(QUEUE, Deque.class);
        if (reads == null) {
            plan(exchange, ctx);
            reads = exchange.getProperty(QUEUE, Deque.class);
        }
        String object = reads.poll();
        boolean linked = object != null && object.startsWith(LINKED);
        if (linked && LinkedEngagements.contactId(ctx) == null) {
            // no contact: nothing of the event's can be linked to one yet
            next(exchange);
            return;
        }
        object = linked ? object.substring(LINKED.length()) : object;
        exchange.setProperty(NEXT, object);
        exchange.setProperty(LINKED_READ, linked);
        Message in = exchange.getMessage();
        DecideLookups.clearObjectHeaders(in);
        if (object == null) {
            return;
        }
        String connection = connectors.connectionOf(exchange);
        FieldMap fields = connectors.fieldMap(connection);
        if (linked) {
            in.setHeader(ExchangeKeys.CRM_OBJECT_ID, LinkedEngagements.contactId(ctx));
            in.setHeader(ExchangeKeys.CRM_TO_OBJECT, object);
            in.setHeader(ExchangeKeys.CRM_PROPERTIES, String.join(",", DecideLookups.readProperties(ctx, fields, object)));
            in.setBody(null);
            return;
        }
        boolean contacts = object.equals("contacts");
        in.setHeader(ExchangeKeys.CRM_OBJECT, object);
        in.setHeader(ExchangeKeys.CRM_ID_PROPERTY, contacts ? fields.property("contacts", "email") : BridgeProperty.KEY);
        in.setHeader(ExchangeKeys.CRM_PROPERTIES, String.join(",", DecideLookups.readProperties(ctx, fields, object)));
        in.setBody(contacts ? List.of(ctx.event.contact().email())
                : List.of(ctx.key(object)));
    }

    /** The read's answer: what the bridge made (the contact, whoever made it: its email is unique). */
    public void found(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        String object = exchange.getProperty(NEXT, String.class);
        Object answer = exchange.getMessage().getBody();
        if (Boolean.TRUE.equals(exchange.getProperty(LINKED_READ, Boolean.class))) {
            // the contact's linked records (none: the empty list of read inputs): only the one with the event's key
            exchange.getMessage().removeHeader(ExchangeKeys.CRM_TO_OBJECT);
            exchange.getMessage().removeHeader(ExchangeKeys.CRM_OBJECT_ID);
            String key = ctx.key(object);
            (answer instanceof List<?> ? List.<Match>of() : DecideLookups.matches(connectors, exchange, object, answer))
                    .stream().filter(m -> key.equals(m.key())).findFirst().ifPresent(m -> ctx.own.put(object, m));
            return;
        }
        List<Match> found = DecideLookups.matches(connectors, exchange, object, answer);
        if (found.isEmpty()) {
            return;
        }
        switch (object) {
            case "contacts" -> ctx.contacts = List.of(found.get(0));
            case "deals" -> latestDeal(exchange, ctx, found);
            default -> ctx.own.put(object, found.get(0));
        }
    }

    /** The newest generation: open, it is the deal to update; closed, a new deal takes the next generation. */
    @SuppressWarnings("unchecked")
    private void latestDeal(Exchange exchange, DecisionContext ctx, List<Match> found) {
        Match latest = found.stream().max(Comparator.comparingInt(m -> generation(m.key()))).orElseThrow();
        int generation = generation(latest.key());
        boolean closed = OpenDeals.closed(deals, latest.fields().get("stage"));
        if (!closed || (latest.occurredAt() != null && latest.occurredAt() > ctx.occurredAt)) {
            // open, or closed by an event newer than this one: this event belongs to that deal
            ctx.own.put("deals", latest);
            ctx.keys.put("deals", latest.key());
        } else {
            ctx.keys.put("deals", dealKey(ctx, generation + 1));
            if (generation + 1 <= DEAL_GENERATIONS) {
                // one generation a read (most contacts have one deal): the next one after a closed deal
                exchange.getProperty(QUEUE, Deque.class).addFirst("deals");
            }
        }
    }

    static String dealKey(DecisionContext ctx, int generation) {
        return "deal:" + ctx.event.contact().email() + ":" + ctx.pipeline + ":" + generation;
    }

    static List<String> dealKeys(DecisionContext ctx) {
        List<String> keys = new ArrayList<>();
        for (int g = 1; g <= DEAL_GENERATIONS; g++) {
            keys.add(dealKey(ctx, g));
        }
        return keys;
    }

    private static int generation(String key) {
        try {
            return key == null ? 0 : Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
