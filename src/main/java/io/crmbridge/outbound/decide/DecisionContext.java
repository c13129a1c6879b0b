package io.crmbridge.outbound.decide;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;

/**
 * What route {@code decide} learns about one event, kept on the exchange (property {@link ExchangeKeys#DECISION}):
 * the search results, the effects an earlier attempt already made (journal), the resolved owner, the plan and the CRM
 * ids.
 */
public final class DecisionContext {

    final OutboundEvent event;
    final String ledgerKey;
    List<Match> contacts = List.of();
    List<Match> companies = List.of();
    List<Match> deals = List.of();
    final Map<String, String> journal = new LinkedHashMap<>();
    final Deque<String> ownerCandidates = new ArrayDeque<>();
    boolean ownerRouted;
    String ownerId;
    String ownerNote;
    final Map<String, ObjectPlan> plan = new LinkedHashMap<>();
    final Map<String, String> ids = new LinkedHashMap<>();
    /** The connection's provisioned bridge properties (which objects are keyed). */
    io.crmbridge.connection.PropertyProvisioning.State properties;
    /** Records the bridge made, found again by their key (consistent reads, not search), per object. */
    final Map<String, Match> own = new LinkedHashMap<>();
    /** The key each object of this event is upserted by: company domain, deal generation, note/task/ticket id. */
    final Map<String, String> keys = new LinkedHashMap<>();
    /** Objects whose CRM record holds values of a newer event than this one: only empty fields are filled. */
    final java.util.Set<String> newerInCrm = new java.util.HashSet<>();
    /** When the event happened (epoch ms): the source's occurred_at, else when the bridge received it. */
    long occurredAt;
    /** The pipeline of the event's deal. */
    String pipeline;
    /** The event's source writes only the contact (crmbridge.sources.<name>.writes=contact). */
    boolean contactOnly;
    /** The deal keys read (generations 1..n) and the generation a new deal takes. */
    final java.util.List<String> dealKeys = new java.util.ArrayList<>();

    /** Whether two values of an object's field are the same in the CRM's terms (the connection's field map). */
    ValueComparison sameValue = ValueComparison.EXACT;

    /** Compares a field's current and desired values. */
    @FunctionalInterface
    public interface ValueComparison {
        ValueComparison EXACT = (object, field, a, b) -> String.valueOf(a).equals(String.valueOf(b));

        boolean same(String object, String field, Object current, Object desired);
    }

    public DecisionContext(OutboundEvent event, String ledgerKey) {
        this.event = event;
        this.ledgerKey = ledgerKey;
    }

    public OutboundEvent event() {
        return event;
    }

    public String ledgerKey() {
        return ledgerKey;
    }

    public ObjectPlan plan(String object) {
        return plan.get(object);
    }

    public String key(String object) {
        return keys.get(object);
    }

    public String id(String object) {
        return ids.get(object);
    }
}
