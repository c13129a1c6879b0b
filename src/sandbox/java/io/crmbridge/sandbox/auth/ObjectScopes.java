package io.crmbridge.sandbox.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxFilterOrder;
import io.crmbridge.sandbox.SandboxPaths;
import io.vertx.ext.web.RoutingContext;

/**
 * Object types the app's token has no scope for ({@code crm.objects.<type>.read/write}): every CRM call on one of
 * them (its objects, and associations from it) answers HubSpot's 403 {@code MISSING_SCOPES}, while calls on the
 * other types go on, as on an account whose app was granted some object scopes and not others. None by default;
 * {@code PUT/DELETE _sandbox/scopes} changes them.
 */
@ApplicationScoped
public class ObjectScopes {

    private static final Pattern OBJECT_PATH = Pattern.compile(".*/crm/v[34]/objects/([^/?]+).*");

    private final Set<String> denied = ConcurrentHashMap.newKeySet();

    public Set<String> denied() {
        return Set.copyOf(denied);
    }

    public void deny(List<String> objectTypes) {
        denied.clear();
        if (objectTypes != null) {
            denied.addAll(objectTypes);
        }
    }

    @ServerRequestFilter(priority = SandboxFilterOrder.RATE_LIMIT + 10)
    public Response check(RoutingContext ctx) {
        if (denied.isEmpty() || !SandboxPaths.isCrm(ctx.normalizedPath())) {
            return null;
        }
        Matcher m = OBJECT_PATH.matcher(ctx.normalizedPath());
        if (!m.matches() || !denied.contains(m.group(1))) {
            return null;
        }
        String scope = "crm.objects." + m.group(1) + (ctx.request().method().name().equals("GET") ? ".read" : ".write");
        return HubSpotError.of("MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call. "
                + "Read more about required scopes here: https://developers.hubspot.com/scopes.")
                .withErrors(List.of(new HubSpotError.Detail("One or more of the following scopes are required.", null,
                        null, null, Map.of("requiredGranularScopes", List.of(scope)))))
                .withLinks(Map.of("scopes", "https://developers.hubspot.com/scopes")).toResponse(403);
    }
}
