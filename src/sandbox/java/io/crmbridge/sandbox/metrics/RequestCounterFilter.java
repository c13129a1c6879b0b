package io.crmbridge.sandbox.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crmbridge.sandbox.SandboxConfig;
import io.crmbridge.sandbox.SandboxFilterOrder;
import io.crmbridge.sandbox.SandboxPaths;
import io.crmbridge.sandbox.clio.Clio;
import io.crmbridge.sandbox.clio.ClioPaths;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts every HubSpot API call under {@code /sandbox/hubspot} (not the control endpoints) once its answer is known,
 * and every Clio call under {@code /sandbox/clio} into the Clio dialect's own counters (by host path template,
 * {@code /app/api/v4/contacts/{id}.json}).
 *
 * <p>It sits in front of Quarkus REST, so whatever answers (a resource, the auth or rate-limit filter, an injected
 * fault, a 404 for an unknown path) is counted. The status is taken when the headers go out, before the client can
 * read them, so a test that asks for the counters right after a call sees that call. A request that never gets
 * headers (a hang fault) is counted when its connection ends, with status {@link RequestCounters#NO_ANSWER}.
 */
@ApplicationScoped
public class RequestCounterFilter {

    private static final String COUNTED = "crmbridge.sandbox.counted";

    private final RequestCounters counters;
    private final RequestCounters clioCounters;
    private final boolean enabled;

    RequestCounterFilter(RequestCounters counters, @Clio RequestCounters clioCounters, SandboxConfig config) {
        this.counters = counters;
        this.clioCounters = clioCounters;
        this.enabled = config.enabled();
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::count, SandboxFilterOrder.COUNTERS);
        }
    }

    private void count(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (SandboxPaths.isHubSpotApi(path)) {
            ctx.addHeadersEndHandler(v -> record(ctx, counters, PathTemplate.of(ctx), ctx.response().getStatusCode()));
            ctx.addEndHandler(done -> record(ctx, counters, PathTemplate.of(ctx), RequestCounters.NO_ANSWER));
        } else if (ClioPaths.isClioApi(path)) {
            String template = ClioPaths.template(ClioPaths.hostPath(path));
            ctx.addHeadersEndHandler(v -> record(ctx, clioCounters, template, ctx.response().getStatusCode()));
            ctx.addEndHandler(done -> record(ctx, clioCounters, template, RequestCounters.NO_ANSWER));
        }
        ctx.next();
    }

    private void record(RoutingContext ctx, RequestCounters into, String template, int status) {
        if (ctx.get(COUNTED) != null) {
            return;
        }
        ctx.put(COUNTED, Boolean.TRUE);
        into.record(ctx.request().method().name(), template, status);
    }
}
