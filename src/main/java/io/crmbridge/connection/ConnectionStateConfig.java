package io.crmbridge.connection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How each replica follows the shared connection state in table {@code connection_state}. */
@ConfigMapping(prefix = "crmbridge.connection-state")
public interface ConnectionStateConfig {

    /**
     * How long a replica uses the state it last read before reading it again: the longest another replica's
     * NEEDS_REAUTH or new credentials take to reach this one (on top of the calls already under way).
     */
    @WithDefault("1s")
    Duration maxAge();
}
