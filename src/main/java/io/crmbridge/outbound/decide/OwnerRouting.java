package io.crmbridge.outbound.decide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;

import io.crmbridge.crm.Capability;
import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.CrmOwner;
import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;

/**
 * Owner resolution of route {@code decide-lookup}: routing rules (target_owner_role, then routing_tier) name an owner
 * by email, then the fallback; the first that is an active owner of the CRM wins ({@code ownerCandidate} is the one
 * to look up next). A rule that names someone when neither they nor the fallback is active sends the event to review.
 * A connection with rules of its own ({@code crmbridge.decide.connections.<name>.*}) is routed by them alone. A
 * connection whose connector declares no {@link Capability#OWNERS} routes no owner: its records are written without one.
 */
@ApplicationScoped
@Named("ownerRouting")
public class OwnerRouting {

    private final DecideConfig config;
    private final CrmConnectors connectors;
    /** connection:email -> the CRM's last answer about that owner. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** connection:email -> the answer an event is asking the CRM for right now. */
    private final Map<String, CompletableFuture<List<CrmOwner>>> inflight = new ConcurrentHashMap<>();
    /** How long an event waits for another's owner lookup before asking itself. */
    private static final java.time.Duration ASK_WAIT = java.time.Duration.ofSeconds(5);

    OwnerRouting(DecideConfig config, CrmConnectors connectors) {
        this.config = config;
        this.connectors = connectors;
    }

    public void start(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        OutboundEvent event = ctx.event();
        if (ctx.contactOnly) {
            // a source that writes only the contact (a newsletter, a consent form) routes no owner
            exchange.setProperty(ExchangeKeys.OWNER_CANDIDATE, null);
            return;
        }
        String connection = connectors.connectionOf(exchange);
        if (!connectors.can(connection, Capability.OWNERS)) {
            // a CRM without owners: nobody to look up, the record is written without an owner
            exchange.setProperty(ExchangeKeys.OWNER_CANDIDATE, null);
            return;
        }
        DecideConfig.ConnectionOwners rules = rules(connection);
        String routed = routed(event, rules);
        if (routed != null) {
            ctx.ownerRouted = true;
            ctx.ownerCandidates.add(routed);
        }
        rules.ownerFallback().filter(f -> !f.equals(routed)).ifPresent(ctx.ownerCandidates::add);
        ctx.ownerNote = ctx.ownerCandidates.isEmpty() ? "no routing rule matches and no fallback owner is configured" : null;
        next(exchange, ctx);
    }

    /** The owners search answered for the current candidate: an active owner ends the search, else the next one. */
    public void answer(Exchange exchange) {
        DecisionContext ctx = DecideLookups.context(exchange);
        String email = exchange.getProperty(ExchangeKeys.OWNER_CANDIDATE, String.class);
        String connection = connectors.connectionOf(exchange);
        List<CrmOwner> owners = connectors.owners(connection).owners(CrmAnswer.of(exchange.getMessage().getBody()));
        String key = connection + ":" + email.toLowerCase(java.util.Locale.ROOT);
        cache.put(key, new Cached(owners, Instant.now()));
        CompletableFuture<List<CrmOwner>> asked = inflight.remove(key);
        if (asked != null) {
            asked.complete(owners);
        }
        if (!found(ctx, email, owners)) {
            next(exchange, ctx);
        } else {
            exchange.setProperty(ExchangeKeys.OWNER_CANDIDATE, null);
        }
    }

    /** Whether {@code owners} holds {@code email} as an active owner (then it is the event's owner). */
    private static boolean found(DecisionContext ctx, String email, List<CrmOwner> owners) {
        CrmOwner active = owners.stream().filter(o -> email.equalsIgnoreCase(o.email()) && o.active())
                .findFirst().orElse(null);
        if (active != null) {
            ctx.ownerId = active.id();
            ctx.ownerNote = "owner " + email + " (" + ctx.ownerId + ")" + (ctx.ownerNote == null ? "" : "; " + ctx.ownerNote);
            return true;
        }
        ctx.ownerNote = (ctx.ownerNote == null ? "" : ctx.ownerNote + "; ") + email + " is not an active owner";
        return false;
    }

    /** The next candidate to ask the CRM about; candidates answered recently are decided from the cache. */
    private void next(Exchange exchange, DecisionContext ctx) {
        String connection = connectors.connectionOf(exchange);
        String candidate;
        while ((candidate = ctx.ownerCandidates.poll()) != null) {
            List<CrmOwner> known = known(connection + ":" + candidate.toLowerCase(java.util.Locale.ROOT));
            if (known == null) {
                break;
            }
            if (found(ctx, candidate, known)) {
                candidate = null;
                break;
            }
        }
        exchange.setProperty(ExchangeKeys.OWNER_CANDIDATE, candidate);
    }

    /**
     * The owners the CRM answered for an email recently, or what another event asking at this moment is told; null
     * when this event is to ask (one asks, the others wait a little for its answer).
     */
    private List<CrmOwner> known(String key) {
        if (config.ownerCacheTtl().isZero()) {
            return null;
        }
        Cached cached = cache.get(key);
        if (cached != null && !cached.at().plus(config.ownerCacheTtl()).isBefore(Instant.now())) {
            return cached.owners();
        }
        CompletableFuture<List<CrmOwner>> mine = new CompletableFuture<>();
        CompletableFuture<List<CrmOwner>> asked = inflight.putIfAbsent(key, mine);
        if (asked == null) {
            return null;
        }
        try {
            return asked.get(ASK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            // the one who asked failed or is slow: ask again
            inflight.remove(key, asked);
            return null;
        }
    }

    private record Cached(List<CrmOwner> owners, Instant at) {
    }

    private static String routed(OutboundEvent event, DecideConfig.ConnectionOwners rules) {
        String role = event.routingValue("target_owner_role");
        if (role != null && rules.ownerByRole().containsKey(role)) {
            return rules.ownerByRole().get(role);
        }
        String tier = event.routingValue("routing_tier");
        return tier != null ? rules.ownerByTier().get(tier) : null;
    }

    /** The connection's own routing rules when it has them, else the global ones. */
    private DecideConfig.ConnectionOwners rules(String connection) {
        DecideConfig.ConnectionOwners own = connection == null ? null : config.connections().get(connection);
        return own != null ? own : new GlobalRules(config.ownerByRole(), config.ownerByTier(), config.ownerFallback());
    }

    private record GlobalRules(Map<String, String> ownerByRole, Map<String, String> ownerByTier,
            java.util.Optional<String> ownerFallback) implements DecideConfig.ConnectionOwners {
    }
}
