package io.crmbridge.outbound.decide;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmbridge.crm.DealStage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What route {@code decide} does with a valid event (docs/architecture.md, "Decide"). */
@ConfigMapping(prefix = "crmbridge.decide")
public interface DecideConfig {

    /**
     * System of record: per object (contacts, companies, deals), the contract fields the CRM owns ({@code owner},
     * {@code first-name}, ...). An event never overwrites their values; it may only fill them while they are empty.
     */
    Map<String, List<String>> crmOwned();

    /**
     * The deal stage (the bridge's: {@code QUALIFIED}, {@code WON}, ...) an event type moves its deal to; an event
     * type without one touches no deal.
     */
    Map<String, DealStage> dealStage();

    /** The lifecycle stage of a contact created from an event type. */
    Map<String, String> lifecycleStage();

    /** Event types that create the onboarding task (payment or contract events). */
    @WithDefault("payment,onboarding")
    Set<String> onboardingTaskEventTypes();

    /** Owner routing: target_owner_role -> owner email. */
    Map<String, String> ownerByRole();

    /** Owner routing: routing_tier -> owner email. */
    Map<String, String> ownerByTier();

    /**
     * How long an owner lookup's answer is used again for other events (0: ask the CRM every time). Owners change
     * rarely; a burst of events would otherwise ask for the same owner once per event.
     */
    @WithDefault("60s")
    java.time.Duration ownerCacheTtl();

    /** The owner used when the routed one is not an active owner (or no rule matches). */
    Optional<String> ownerFallback();

    /**
     * Owner routing of one connection ({@code crmbridge.decide.connections.<name>.owner-by-role.*},
     * {@code .owner-by-tier.*}, {@code .owner-fallback}): each CRM has its own users, so a connection named here
     * routes by these rules instead of the ones above.
     */
    Map<String, ConnectionOwners> connections();

    /** The owner routing rules of one connection. */
    interface ConnectionOwners {

        Map<String, String> ownerByRole();

        Map<String, String> ownerByTier();

        Optional<String> ownerFallback();
    }
}
