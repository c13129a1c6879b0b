package io.crmbridge.sandbox.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much property history the sandbox keeps. */
@ConfigMapping(prefix = "crmbridge.sandbox.history")
public interface HistoryConfig {

    /** Versions kept per property of a record, newest first; older ones are dropped. */
    @WithDefault("20")
    int maxPerProperty();
}
