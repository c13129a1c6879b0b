package io.crmbridge.sandbox.ratelimit;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crmbridge.sandbox.SandboxFilterOrder;
import io.crmbridge.sandbox.auth.BearerAuthFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the per-token window to every authenticated CRM call: HubSpot's rate-limit headers on each answer, 429 with
 * {@code Retry-After} (seconds) and HubSpot's body when the window is full.
 */
public class RateLimitFilter {

    static final String MAX = "X-HubSpot-RateLimit-Max";
    static final String REMAINING = "X-HubSpot-RateLimit-Remaining";
    static final String INTERVAL = "X-HubSpot-RateLimit-Interval-Milliseconds";
    static final String DAILY = "X-HubSpot-RateLimit-Daily";
    static final String DAILY_REMAINING = "X-HubSpot-RateLimit-Daily-Remaining";

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @ServerRequestFilter(priority = SandboxFilterOrder.RATE_LIMIT)
    public Response limit(RoutingContext ctx) {
        String token = ctx.get(BearerAuthFilter.TOKEN_KEY);
        if (token == null) {
            return null;
        }
        RateLimiter.Verdict verdict = limiter.acquire(token);
        // Set on the Vert.x response so they travel with whatever answers: the resource or the 429 below.
        MultiMap headers = ctx.response().headers();
        headers.set(MAX, String.valueOf(verdict.window().maxRequests()));
        headers.set(REMAINING, String.valueOf(verdict.window().remaining()));
        headers.set(INTERVAL, String.valueOf(verdict.windowMillis()));
        headers.set(DAILY, String.valueOf(verdict.dailyMax()));
        headers.set(DAILY_REMAINING, String.valueOf(verdict.dailyRemaining()));
        if (verdict.window().allowed()) {
            return null;
        }
        long retryAfterSeconds = Math.max(1, (verdict.window().retryAfterMillis() + 999) / 1000);
        return Response.status(429)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", retryAfterSeconds)
                .entity(RateLimitError.tenSecondlyRolling())
                .build();
    }
}
