package io.crmbridge.sandbox.ratelimit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxPaths;

/** Control endpoint: read or change the rate limit at run time; DELETE restores the configured one. */
@Path(SandboxPaths.CONTROL + "/rate-limit")
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitControlResource {

    private final RateLimiter limiter;

    RateLimitControlResource(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @GET
    public RateLimitSettings get() {
        return limiter.settings();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    public Response change(RateLimitSettings change) {
        if (change == null) {
            return HubSpotError.validation("a JSON body is required").toResponse(400);
        }
        if ((change.maxRequests() != null && change.maxRequests() < 1)
                || (change.windowMillis() != null && change.windowMillis() < 1)
                || (change.dailyMax() != null && change.dailyMax() < 0)) {
            return HubSpotError.validation("maxRequests and windowMillis must be positive, dailyMax not negative")
                    .toResponse(400);
        }
        return Response.ok(limiter.change(change)).build();
    }

    @DELETE
    public RateLimitSettings reset() {
        return limiter.reset();
    }
}
