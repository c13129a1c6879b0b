package io.crmbridge.outbound.decide;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.model.OutboundEvent;

/**
 * What route {@code decide} learns about one event, kept on the exchange (property {@link #PROPERTY}): the search
 * results, the effects an earlier attempt already made (journal), the resolved owner, the plan and the CRM ids.
 */
public final class DecisionContext {

    public static final String PROPERTY = "decision";

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

    public String id(String object) {
        return ids.get(object);
    }
}
