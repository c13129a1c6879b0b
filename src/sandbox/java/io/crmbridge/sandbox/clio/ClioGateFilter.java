package io.crmbridge.sandbox.clio;

import java.time.Instant;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crmbridge.sandbox.SandboxFilterOrder;
import io.crmbridge.sandbox.auth.TokenCheck;
import io.crmbridge.sandbox.auth.TokenStore;
import io.crmbridge.sandbox.ratelimit.RateLimiter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Clio's API calls ({@code /api/v4/...} on any host) need {@code Authorization: Bearer <access token>}: 401 with
 * Clio's error body otherwise. Then the per-token rate limit (the HubSpot dialect's rolling window, Clio's default
 * 50 a minute): {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch
 * seconds when the window has room again) on every answer, 429 with {@code Retry-After} (seconds) when full.
 * Before both: {@code X-API-VERSION} names a published minor version or is 410 Gone; the version served is echoed on
 * the answer ({@link ClioHostFilter} gives JSON answers Clio's {@code application/json; charset=utf-8}). A missing, expired or revoked token is 401
 * OAuth-style: error type {@code invalid_token} and {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
public class ClioGateFilter {

    static final String TOKEN_KEY = "crmbridge.sandbox.clio.token";
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String VERSION = "X-API-VERSION";
    /** The content type Clio publishes for every JSON answer. */
    static final String JSON = "application/json; charset=utf-8";

    private final TokenStore tokens;
    private final RateLimiter limiter;

    ClioGateFilter(@Clio TokenStore tokens, @Clio RateLimiter limiter) {
        this.tokens = tokens;
        this.limiter = limiter;
    }

    @ServerRequestFilter(priority = SandboxFilterOrder.AUTH)
    public Response authenticate(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!ClioPaths.isClioApi(path) || !ClioPaths.isData(ClioPaths.hostPath(path))) {
            return null;
        }
        String version = ctx.request().getHeader(VERSION);
        if (version != null && !ClioPublished.API_VERSIONS.contains(version.trim())) {
            return ClioError.response(410, "Gone", "API version " + version.trim() + " is invalid or no longer supported"
                    + " (supported: " + ClioPublished.API_VERSIONS + ")");
        }
        ctx.response().headers().set(VERSION, version == null ? ClioPublished.DEFAULT_API_VERSION : version.trim());
        TokenCheck check = tokens.check(bearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
        if (check instanceof TokenCheck.Valid valid) {
            ctx.put(TOKEN_KEY, valid.token());
            return null;
        }
        String message;
        if (check instanceof TokenCheck.Expired expired) {
            message = "The access token expired " + expired.secondsAgo() + " second(s) ago";
        } else if (check instanceof TokenCheck.Revoked) {
            message = "The access token was revoked";
        } else if (check instanceof TokenCheck.Missing) {
            message = "An access token is required: Authorization: Bearer <token>";
        } else {
            message = "The access token is invalid";
        }
        return Response.fromResponse(ClioError.response(401, "invalid_token", message))
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + message + "\"")
                .build();
    }

    @ServerRequestFilter(priority = SandboxFilterOrder.RATE_LIMIT)
    public Response limit(RoutingContext ctx) {
        String token = ctx.get(TOKEN_KEY);
        if (token == null) {
            return null;
        }
        RateLimiter.Verdict verdict = limiter.acquire(token);
        long waitMillis = verdict.window().allowed() ? (verdict.window().remaining() > 0 ? 0 : verdict.windowMillis())
                : verdict.window().retryAfterMillis();
        MultiMap headers = ctx.response().headers();
        headers.set(LIMIT, String.valueOf(verdict.window().maxRequests()));
        headers.set(REMAINING, String.valueOf(verdict.window().remaining()));
        headers.set(RESET, String.valueOf(Instant.now().plusMillis(waitMillis).getEpochSecond()));
        if (verdict.window().allowed()) {
            return null;
        }
        long retryAfterSeconds = Math.max(1, (verdict.window().retryAfterMillis() + 999) / 1000);
        return Response.fromResponse(ClioError.response(429, "RateLimited",
                "Rate limit exceeded. Retry in " + retryAfterSeconds + " seconds."))
                .header("Retry-After", retryAfterSeconds).build();
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
    }
}
