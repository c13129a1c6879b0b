package io.crmbridge.sandbox.auth;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxFilterOrder;
import io.crmbridge.sandbox.SandboxPaths;
import io.vertx.ext.web.RoutingContext;

/**
 * Every CRM call needs {@code Authorization: Bearer <token>}: a static private-app token or a live access token from
 * the token endpoint. Answers 401 with HubSpot's error body otherwise; remembers the accepted token for the rate limit.
 */
public class BearerAuthFilter {

    /** Where the accepted token is left on the request for the filters after this one. */
    public static final String TOKEN_KEY = "crmbridge.sandbox.token";

    static final String CREDENTIALS_NOT_FOUND = "Authentication credentials not found. This API supports OAuth 2.0 "
            + "authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    private final TokenStore store;

    BearerAuthFilter(TokenStore store) {
        this.store = store;
    }

    @ServerRequestFilter(priority = SandboxFilterOrder.AUTH)
    public Response authenticate(RoutingContext ctx) {
        if (!SandboxPaths.isCrm(ctx.normalizedPath())) {
            return null;
        }
        TokenCheck check = store.check(bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
        if (check instanceof TokenCheck.Valid valid) {
            ctx.put(TOKEN_KEY, valid.token());
            return null;
        }
        return unauthorized(check);
    }

    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
    }

    private static Response unauthorized(TokenCheck check) {
        HubSpotError error;
        if (check instanceof TokenCheck.Expired expired) {
            error = HubSpotError.of("EXPIRED_AUTHENTICATION",
                    "The OAuth token used to make this call expired " + expired.secondsAgo() + " second(s) ago.")
                    .withContext(Map.of("expire time", List.of(DateTimeFormatter.ISO_INSTANT.format(expired.expiredAt()))));
        } else if (check instanceof TokenCheck.Revoked) {
            error = HubSpotError.unauthorized("The OAuth token used to make this call has been revoked.");
        } else {
            error = HubSpotError.unauthorized(CREDENTIALS_NOT_FOUND);
        }
        return Response.fromResponse(error.toResponse(401)).header("X-HubSpot-Auth-Failure", "401 Unauthorized").build();
    }
}
