package io.crmbridge.outbound.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.crm.BridgeProperty;
import io.crmbridge.crm.Capability;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.connection.PropertyProvisioning.KeyMode;

/**
 * The notes and tasks an earlier attempt of an event made, on a CRM that cannot hold a unique property on them but
 * keeps the bridge's key in a plain property and lists a record's associations (docs/architecture.md, "Exactly-once
 * writes"): the contact's linked notes (or tasks) are listed and read by id, both consistent where search lags, and
 * the one holding the event's key is the event's own. Only after an attempt began such a create (the effect journal's
 * mark): a first attempt makes no extra call. Route {@code crm-engagement-read-linked} makes the two calls.
 */
@ApplicationScoped
@Named("linkedEngagements")
public class LinkedEngagements {

    /** Linked records read at most: the newest, among which is one an earlier attempt of a live event made. */
    static final int MAX_READ = 100;

    private final CrmConnectors connectors;

    LinkedEngagements(CrmConnectors connectors) {
        this.connectors = connectors;
    }

    /** Whether the event's note or task is found through the contact's links rather than by a unique key. */
    static boolean applies(CrmConnectors connectors, Exchange exchange, DecisionContext ctx, String object) {
        String connection = connectors.connectionOf(exchange);
        return ctx.key(object) != null && ctx.properties != null
                && ctx.properties.key(object) == KeyMode.NOT_UNIQUE && ctx.properties.has(object, BridgeProperty.KEY)
                && connectors.can(connection, Capability.ASSOCIATIONS_API)
                && !connectors.reads(connection).keepsKeyOf(object);
    }

    /** Whether an earlier attempt of the event began to create it (then its answer was lost, or the attempt died). */
    static boolean tried(DecisionContext ctx, String object) {
        return ctx.journal.containsKey(EffectJournal.tried(object));
    }

    /** The contact the event's notes and tasks are linked to, as the lookups found it or an earlier attempt made it. */
    static String contactId(DecisionContext ctx) {
        return !ctx.contacts.isEmpty() ? ctx.contacts.get(0).id() : ctx.journal.get("contacts");
    }

    /** Association list answer -> batch read inputs [{id}] of the newest linked records (none: an empty list). */
    public List<Map<String, Object>> readInputs(Exchange exchange) {
        String connection = connectors.connectionOf(exchange);
        List<String> ids = new ArrayList<>(connectors.links(connection).associatedIds(
                CrmAnswer.of(exchange.getMessage().getBody())));
        ids.sort(Comparator.comparing((String id) -> id.length()).thenComparing(Comparator.naturalOrder()));
        int max = Math.min(MAX_READ, connectors.of(connection).maxBatchSize());
        return ids.subList(Math.max(0, ids.size() - max), ids.size()).stream()
                .map(id -> Map.<String, Object>of("id", id)).toList();
    }
}
