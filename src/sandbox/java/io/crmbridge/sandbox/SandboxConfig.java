package io.crmbridge.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's on/off switch; each concern (oauth, rate-limit, faults) has its own mapping under this prefix. */
@ConfigMapping(prefix = "crmbridge.sandbox")
public interface SandboxConfig {

    /** Serve {@code /sandbox/...}; false answers 404 for all of it (the production profile). */
    @WithDefault("false")
    boolean enabled();
}
