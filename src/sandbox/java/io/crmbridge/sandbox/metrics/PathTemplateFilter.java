package io.crmbridge.sandbox.metrics;

import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crmbridge.sandbox.SandboxFilterOrder;
import io.crmbridge.sandbox.SandboxPaths;
import io.vertx.ext.web.RoutingContext;

/** Records the matched resource method's path template for the counters (see {@link SandboxFilterOrder}). */
public class PathTemplateFilter {

    @ServerRequestFilter(priority = SandboxFilterOrder.PATH_TEMPLATE)
    public void rememberTemplate(RoutingContext ctx, ResourceInfo resource) {
        if (SandboxPaths.isHubSpotApi(ctx.normalizedPath()) && resource.getResourceMethod() != null) {
            PathTemplate.remember(ctx, resource.getResourceClass(), resource.getResourceMethod());
        }
    }
}
