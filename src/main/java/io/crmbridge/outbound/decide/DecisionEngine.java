package io.crmbridge.outbound.decide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.crm.DealStage;
import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.ReviewRequired;
import io.crmbridge.outbound.trace.EventTrace;
import io.crmbridge.outbound.trace.TraceBuffer;

/**
 * The decision of route {@code decide}, made before anything is written: per object one of create, update, merge,
 * none or skip; the whole event to review (ambiguous match, owner that cannot be resolved) or rejected (no consent
 * to create a contact). Search before create: contact by email, company by domain, open deal of the contact in the
 * target pipeline. CRM-owned fields (system of record) are never overwritten, only filled while empty. The plan speaks
 * contract fields ({@code email}, {@code first-name}, {@code stage}, {@code owner}, ...); the connection's field map
 * turns them into the CRM's properties when they are written.
 */
@ApplicationScoped
@Named("decisionEngine")
public class DecisionEngine {

    private final DecideConfig config;
    private final OpenDeals.DealsConfig deals;
    private final TicketConfig tickets;

    @jakarta.inject.Inject
    DecisionEngine(DecideConfig config, OpenDeals.DealsConfig deals, TicketConfig tickets) {
        this.config = config;
        this.deals = deals;
        this.tickets = tickets;
    }

    DecisionEngine(DecideConfig config, OpenDeals.DealsConfig deals) {
        this(config, deals, TicketConfig.DEFAULTS);
    }

    /** Whether the event opens or updates a ticket (support events). */
    public boolean makesTicket(OutboundEvent event) {
        return tickets.eventTypes().contains(event.eventType());
    }

    public void plan(Exchange exchange) {
        DecisionContext ctx = exchange.getProperty(ExchangeKeys.DECISION, DecisionContext.class);
        TraceBuffer trace = EventTrace.of(exchange);
        String rejection = plan(ctx);
        ctx.plan.values().forEach(p -> trace.decision(p.object(), p.action(), p.reason()));
        if (ctx.ownerNote != null) {
            trace.decision("owner", ctx.ownerId == null ? "none" : "assign", ctx.ownerNote);
        }
        exchange.setProperty(ExchangeKeys.DECISION_REJECTED, rejection != null);
        exchange.setProperty(ExchangeKeys.ONBOARDING_TASK, !ctx.contactOnly
                && config.onboardingTaskEventTypes().contains(ctx.event.eventType()));
        if (rejection != null) {
            trace.decision("event", "reject", rejection);
            exchange.setProperty(ExchangeKeys.REJECT_REASON, rejection);
        }
    }

    /** Fills the plan; throws {@link ReviewRequired}; returns a rejection reason or null. */
    String plan(DecisionContext ctx) {
        OutboundEvent event = ctx.event;
        if (ctx.contacts.size() > 1) {
            throw new ReviewRequired("AMBIGUOUS_CONTACT", ctx.contacts.size() + " contacts have email "
                    + event.contact().email() + ": " + ids(ctx.contacts));
        }
        if (ctx.companies.size() > 1) {
            throw new ReviewRequired("AMBIGUOUS_COMPANY", ctx.companies.size() + " companies have domain "
                    + event.company().domain() + ": " + ids(ctx.companies));
        }
        if (ctx.own.containsKey("deals")) {
            ctx.deals = List.of(ctx.own.get("deals"));
        }
        if (ctx.deals.size() > 1 && !ctx.journal.containsKey("deals")) {
            throw new ReviewRequired("AMBIGUOUS_DEAL", ctx.deals.size() + " open deals of the contact in the pipeline: "
                    + ids(ctx.deals));
        }
        if (ctx.ownerRouted && ctx.ownerId == null) {
            throw new ReviewRequired("OWNER_UNRESOLVED", ctx.ownerNote);
        }
        if (ctx.contacts.isEmpty() && !ctx.journal.containsKey("contacts") && !event.consented()) {
            return "no consent to contact: a new contact is not created";
        }
        ctx.plan.put("contacts", objectPlan(ctx, "contacts", ctx.contacts, contactProperties(ctx)));
        if (ctx.contactOnly) {
            for (String object : List.of("companies", "deals", "tickets")) {
                ctx.plan.put(object, new ObjectPlan(object, "skip", null, Map.of(), "the source writes only the contact"));
            }
            return null;
        }
        ctx.plan.put("companies", companyPlan(ctx));
        ctx.plan.put("deals", dealPlan(ctx));
        ctx.plan.put("tickets", ticketPlan(ctx));
        return null;
    }

    private ObjectPlan ticketPlan(DecisionContext ctx) {
        OutboundEvent event = ctx.event;
        if (!makesTicket(event)) {
            return new ObjectPlan("tickets", "skip", null, Map.of(), "event type " + event.eventType() + " opens no ticket");
        }
        Map<String, Object> desired = new LinkedHashMap<>();
        String summary = event.leadContext() != null && event.leadContext().painSummary() != null
                ? event.leadContext().painSummary() : null;
        desired.put("subject", "Support: " + (summary != null ? abbreviate(summary, 80)
                : event.contact().fullName() != null ? event.contact().fullName() : event.contact().email()));
        desired.put("body", (summary != null ? summary + "\n" : "") + "From " + event.sourceSystem()
                + (event.sourceRecordId() != null ? " record " + event.sourceRecordId() : "") + ", event " + event.eventId());
        desired.put("pipeline", tickets.pipeline());
        desired.put("stage", tickets.stage());
        putIfPresent(desired, "owner", ctx.ownerId);
        Match own = ctx.own.get("tickets");
        return objectPlan(ctx, "tickets", own == null ? List.of() : List.of(own), desired);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** Like {@link #objectPlan(String, List, String, Map)}; a record written by a newer event only gets empty fields. */
    private ObjectPlan objectPlan(DecisionContext ctx, String object, List<Match> matches, Map<String, Object> desired) {
        String journalId = ctx.journal.get(object);
        if (!matches.isEmpty() && matches.get(0).occurredAt() != null && matches.get(0).occurredAt() > ctx.occurredAt) {
            Match newer = matches.get(0);
            ctx.newerInCrm.add(object);
            Map<String, Object> empty = new LinkedHashMap<>();
            desired.forEach((field, value) -> {
                Object now = newer.fields().get(field);
                if (now == null || String.valueOf(now).isEmpty()) {
                    empty.put(field, value);
                }
            });
            String why = "match " + newer.id() + " holds values of a newer event (" + java.time.Instant.ofEpochMilli(
                    newer.occurredAt()) + ") than this one (" + java.time.Instant.ofEpochMilli(ctx.occurredAt) + ")";
            return empty.isEmpty() ? new ObjectPlan(object, "none", newer.id(), Map.of(), why + ": kept")
                    : new ObjectPlan(object, "merge", newer.id(), empty, why + ": only empty fields filled");
        }
        return objectPlan(object, matches, journalId, desired, ctx.sameValue);
    }

    private ObjectPlan companyPlan(DecisionContext ctx) {
        OutboundEvent.Company company = ctx.event.company();
        if (company == null || company.domain() == null) {
            return new ObjectPlan("companies", "skip", null, Map.of(), "the event names no company domain");
        }
        Map<String, Object> desired = new LinkedHashMap<>();
        desired.put("domain", company.domain());
        desired.put("name", company.name() != null ? company.name() : company.domain());
        putIfPresent(desired, "owner", ctx.ownerId);
        Match own = ctx.own.get("companies");
        return objectPlan(ctx, "companies", own != null ? List.of(own) : ctx.companies, desired);
    }

    private ObjectPlan dealPlan(DecisionContext ctx) {
        OutboundEvent event = ctx.event;
        DealStage stage = config.dealStage().get(event.eventType());
        if (stage == null) {
            return new ObjectPlan("deals", "skip", null, Map.of(), "event type " + event.eventType() + " moves no deal");
        }
        Map<String, Object> desired = new LinkedHashMap<>();
        desired.put("name", dealName(event));
        desired.put("pipeline", pipeline(event));
        desired.put("stage", stage.name());
        putIfPresent(desired, "amount", event.details() == null ? null : event.details().get("amount"));
        putIfPresent(desired, "owner", ctx.ownerId);
        return objectPlan(ctx, "deals", ctx.deals, desired);
    }

    /** Search results (at most one here) and the journal -> create, update, merge or none. */
    ObjectPlan objectPlan(String object, List<Match> matches, String journalId, Map<String, Object> desired) {
        return objectPlan(object, matches, journalId, desired, DecisionContext.ValueComparison.EXACT);
    }

    private ObjectPlan objectPlan(String object, List<Match> matches, String journalId, Map<String, Object> desired,
            DecisionContext.ValueComparison same) {
        if (matches.isEmpty() && journalId != null) {
            return new ObjectPlan(object, "none", journalId, Map.of(),
                    "created by an earlier attempt of this event (" + journalId + "), not yet searchable");
        }
        if (matches.isEmpty()) {
            return new ObjectPlan(object, "create", null, desired, "no match found");
        }
        Match existing = matches.get(0);
        return diff(object, existing.id(), existing.fields(), desired, same);
    }

    ObjectPlan diff(String object, String id, Map<String, Object> current, Map<String, Object> desired) {
        return diff(object, id, current, desired, DecisionContext.ValueComparison.EXACT);
    }

    /** Current against desired values; {@code same} says when two values are one in the CRM's terms. */
    ObjectPlan diff(String object, String id, Map<String, Object> current, Map<String, Object> desired,
            DecisionContext.ValueComparison same) {
        Set<String> crmOwned = Set.copyOf(config.crmOwned().getOrDefault(object, List.of()));
        Map<String, Object> changes = new LinkedHashMap<>();
        boolean overwrites = false;
        StringBuilder kept = new StringBuilder();
        for (Map.Entry<String, Object> want : desired.entrySet()) {
            String now = current.get(want.getKey()) == null ? "" : String.valueOf(current.get(want.getKey()));
            String value = String.valueOf(want.getValue());
            if (now.equals(value) || (!now.isEmpty() && same.same(object, want.getKey(), now, value))) {
                continue;
            }
            if (now.isEmpty()) {
                changes.put(want.getKey(), want.getValue());
            } else if (crmOwned.contains(want.getKey())) {
                kept.append(kept.isEmpty() ? "" : ", ").append(want.getKey());
            } else {
                changes.put(want.getKey(), want.getValue());
                overwrites = true;
            }
        }
        String keptNote = kept.isEmpty() ? "" : "; CRM-owned values kept: " + kept;
        if (changes.isEmpty()) {
            return new ObjectPlan(object, "none", id, Map.of(), "match " + id + " already up to date" + keptNote);
        }
        return new ObjectPlan(object, overwrites ? "update" : "merge", id, changes,
                "match " + id + (overwrites ? ", event-owned values changed" : ", empty fields filled") + keptNote);
    }

    private Map<String, Object> contactProperties(DecisionContext ctx) {
        OutboundEvent event = ctx.event;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("email", event.contact().email());
        String fullName = event.contact().fullName();
        if (fullName != null) {
            int space = fullName.trim().lastIndexOf(' ');
            putIfPresent(props, "first-name", space < 0 ? fullName.trim() : fullName.trim().substring(0, space));
            putIfPresent(props, "last-name", space < 0 ? null : fullName.trim().substring(space + 1));
        }
        putIfPresent(props, "phone", event.contact().phone());
        if (event.company() != null) {
            putIfPresent(props, "company-name", event.company().name());
            putIfPresent(props, "website", event.company().domain());
        }
        putIfPresent(props, "lifecycle-stage", config.lifecycleStage().get(event.eventType()));
        putIfPresent(props, "owner", ctx.ownerId);
        return props;
    }

    private static String dealName(OutboundEvent event) {
        String who = event.company() != null && event.company().name() != null ? event.company().name()
                : event.contact().fullName() != null ? event.contact().fullName() : event.contact().email();
        return who + " - " + event.eventType() + " (" + event.sourceSystem() + ")";
    }

    String pipeline(OutboundEvent event) {
        String routed = event.routingValue("target_pipeline");
        return routed != null ? routed : deals.defaultPipeline();
    }

    private static String ids(List<Match> records) {
        return records.stream().map(Match::id).toList().toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
