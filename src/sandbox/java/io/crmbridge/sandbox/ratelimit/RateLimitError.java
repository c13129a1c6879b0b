package io.crmbridge.sandbox.ratelimit;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * HubSpot's 429 body: its usual error fields ({@code status}, {@code message}, {@code correlationId},
 * {@code category} RATE_LIMITS) plus the {@code errorType} and {@code policyName} that say which limit was hit.
 */
@RegisterForReflection
public record RateLimitError(String status, String message, String errorType, String correlationId, String policyName,
        String category) {

    static final String TEN_SECONDLY_ROLLING = "TEN_SECONDLY_ROLLING";

    static RateLimitError tenSecondlyRolling() {
        return new RateLimitError("error", "You have reached your ten_secondly_rolling limit.", "RATE_LIMIT",
                UUID.randomUUID().toString(), TEN_SECONDLY_ROLLING, "RATE_LIMITS");
    }
}
