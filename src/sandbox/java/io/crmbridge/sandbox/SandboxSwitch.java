package io.crmbridge.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers 404 for everything under {@code /sandbox} when {@code crmbridge.sandbox.enabled} is false.
 *
 * <p>A run-time decision on purpose: the same jar runs the demo (sandbox on), the sandbox-only process and production
 * (sandbox off), so the resources always exist and this filter, ahead of every other handler, hides them.
 */
@ApplicationScoped
public class SandboxSwitch {

    private final boolean enabled;

    SandboxSwitch(SandboxConfig config) {
        this.enabled = config.enabled();
    }

    void register(@Observes Filters filters) {
        if (!enabled) {
            filters.register(this::hideSandbox, SandboxFilterOrder.SWITCH);
        }
    }

    private void hideSandbox(RoutingContext ctx) {
        if (SandboxPaths.isSandbox(ctx.normalizedPath())) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        ctx.next();
    }
}
