package io.crmbridge.outbound.decide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmOwner;
import io.crmbridge.model.OutboundEvent;

/**
 * Owner resolution of route {@code decide-lookup}: routing rules (target_owner_role, then routing_tier) name an owner
 * by email, then the fallback; the first that is an active owner of the CRM wins ({@code ownerCandidate} is the one
 * to look up next). A rule that names someone when neither they nor the fallback is active sends the event to review.
 */
@ApplicationScoped
@Named("ownerRouting")
public class OwnerRouting {

    public static final String CANDIDATE = ExchangeKeys.OWNER_CANDIDATE;

    private final DecideConfig config;
    private final CrmConnectors connectors;

    OwnerRouting(DecideConfig config, CrmConnectors connectors) {
        this.config = config;
        this.connectors = connectors;
    }

    public void start(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        OutboundEvent event = ctx.event();
        String routed = routed(event);
        if (routed != null) {
            ctx.ownerRouted = true;
            ctx.ownerCandidates.add(routed);
        }
        config.ownerFallback().filter(f -> !f.equals(routed)).ifPresent(ctx.ownerCandidates::add);
        ctx.ownerNote = ctx.ownerCandidates.isEmpty() ? "no routing rule matches and no fallback owner is configured" : null;
        next(exchange, ctx);
    }

    /** The owners search answered for the current candidate: an active owner ends the search, else the next one. */
    public void answer(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        String email = exchange.getProperty(CANDIDATE, String.class);
        CrmOwner active = connectors.of(connectors.connectionOf(exchange)).owners(exchange.getMessage().getBody()).stream()
                .filter(o -> email.equalsIgnoreCase(o.email()) && o.active())
                .findFirst().orElse(null);
        if (active != null) {
            ctx.ownerId = active.id();
            ctx.ownerNote = "owner " + email + " (" + ctx.ownerId + ")" + (ctx.ownerNote == null ? "" : "; " + ctx.ownerNote);
            exchange.setProperty(CANDIDATE, null);
            return;
        }
        ctx.ownerNote = (ctx.ownerNote == null ? "" : ctx.ownerNote + "; ") + email + " is not an active owner";
        next(exchange, ctx);
    }

    private void next(Exchange exchange, DecisionContext ctx) {
        exchange.setProperty(CANDIDATE, ctx.ownerCandidates.poll());
    }

    private String routed(OutboundEvent event) {
        String role = event.routingValue("target_owner_role");
        if (role != null && config.ownerByRole().containsKey(role)) {
            return config.ownerByRole().get(role);
        }
        String tier = event.routingValue("routing_tier");
        return tier != null ? config.ownerByTier().get(tier) : null;
    }
}
