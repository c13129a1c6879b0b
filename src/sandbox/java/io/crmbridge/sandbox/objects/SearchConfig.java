package io.crmbridge.sandbox.objects;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the sandbox's search orders results that share their sort value. */
@ConfigMapping(prefix = "crmbridge.sandbox.search")
public interface SearchConfig {

    /** {@code random}: ties in a seeded random order, as HubSpot promises no order; {@code id}: ties by id. */
    @WithDefault("random")
    TieOrder.Mode tieOrder();

    /** Seed of the random tie order (the same seed gives the same order on every call). */
    @WithDefault("42")
    long tieSeed();
}
