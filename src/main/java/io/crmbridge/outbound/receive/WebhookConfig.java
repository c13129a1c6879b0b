package io.crmbridge.outbound.receive;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The webhook receiver's limits and its watch on failing signatures. */
@ConfigMapping(prefix = "crmbridge.webhook")
public interface WebhookConfig {

    /** Largest accepted body in bytes (413 above). */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** A source whose deliveries all fail authentication for this long raises an operator alert. */
    @WithDefault("15m")
    Duration authAlertAfter();
}
