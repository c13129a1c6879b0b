package io.crmbridge.sandbox.faults;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults for fault injection; the rules themselves are set at run time through the control endpoint. */
@ConfigMapping(prefix = "crmbridge.sandbox.faults")
public interface FaultsConfig {

    /**
     * How long a "hang" fault holds a request before closing its connection without an answer, so a client without
     * a timeout is not stuck forever and the server lets go of the request.
     */
    @WithDefault("30s")
    Duration maxHang();
}
