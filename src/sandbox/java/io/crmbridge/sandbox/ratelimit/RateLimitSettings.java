package io.crmbridge.sandbox.ratelimit;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rate-limit settings in force ({@code GET/PUT /sandbox/hubspot/_sandbox/rate-limit}); a null field in a
 * {@code PUT} leaves that setting as it is.
 */
@RegisterForReflection
public record RateLimitSettings(Integer maxRequests, Long windowMillis, Long dailyMax) {

    static RateLimitSettings of(RateLimitConfig config) {
        return new RateLimitSettings(config.maxRequests(), config.window().toMillis(), config.dailyMax());
    }

    RateLimitSettings merge(RateLimitSettings change) {
        return new RateLimitSettings(
                change.maxRequests() != null ? change.maxRequests() : maxRequests,
                change.windowMillis() != null ? change.windowMillis() : windowMillis,
                change.dailyMax() != null ? change.dailyMax() : dailyMax);
    }
}
