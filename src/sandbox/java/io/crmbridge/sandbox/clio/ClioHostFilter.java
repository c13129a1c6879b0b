package io.crmbridge.sandbox.clio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crmbridge.sandbox.SandboxConfig;
import io.crmbridge.sandbox.SandboxFilterOrder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * The lying switch's first lie (see {@link ClioLies}): with it on, the documented host answers every API call with
 * an error page, HTML as a load balancer's would be, whatever the path, token or method. A Vert.x filter after the
 * counters (so these answers are counted) and before everything of Quarkus REST. It also gives every JSON answer of
 * the API the content type Clio publishes, {@code application/json; charset=utf-8}.
 */
@ApplicationScoped
public class ClioHostFilter {

    static final int ORDER = SandboxFilterOrder.COUNTERS - 500;

    private final ClioLies lies;
    private final boolean enabled;

    ClioHostFilter(ClioLies lies, SandboxConfig config) {
        this.lies = lies;
        this.enabled = config.enabled();
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::lie, ORDER);
        }
    }

    private void lie(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (ClioPaths.isClioApi(path)) {
            String hostPath = ClioPaths.hostPath(path);
            if (lies.on() && ClioPaths.isData(hostPath) && ClioPaths.DOCUMENTED_REGION.equals(ClioPaths.region(hostPath))) {
                int status = lies.settings().documentedHostStatus();
                ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                        .end("<html><head><title>" + status + "</title></head><body><h1>" + status
                                + "</h1><p>The server is temporarily unable to service your request.</p></body></html>");
                return;
            }
            if (ClioPaths.isData(hostPath)) {
                ctx.addHeadersEndHandler(v -> {
                    String type = ctx.response().headers().get("Content-Type");
                    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                        ctx.response().headers().set("Content-Type", ClioGateFilter.JSON);
                    }
                });
            }
        }
        ctx.next();
    }
}
