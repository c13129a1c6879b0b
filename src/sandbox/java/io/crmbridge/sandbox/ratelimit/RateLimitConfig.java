package io.crmbridge.sandbox.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** HubSpot's burst limit, kept per token: at most {@code max-requests} CRM calls in any rolling {@code window}. */
@ConfigMapping(prefix = "crmbridge.sandbox.rate-limit")
public interface RateLimitConfig {

    @WithDefault("100")
    int maxRequests();

    @WithDefault("10s")
    Duration window();

    /** Reported in the daily headers, not enforced. */
    @WithDefault("250000")
    long dailyMax();
}
