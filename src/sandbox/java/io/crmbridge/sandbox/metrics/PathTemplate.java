package io.crmbridge.sandbox.metrics;

import java.lang.reflect.Method;

import jakarta.ws.rs.Path;

import io.crmbridge.sandbox.SandboxPaths;
import io.vertx.ext.web.RoutingContext;

/**
 * The path template a request matched, as HubSpot's documentation writes it ({@code /crm/v3/owners/{ownerId}}),
 * built from the matched resource's {@code @Path} annotations; the concrete path when no resource matched.
 */
public final class PathTemplate {

    static final String KEY = "crmbridge.sandbox.path-template";

    private PathTemplate() {
    }

    /** Remembers the template of the matched resource method on the request. */
    static void remember(RoutingContext ctx, Class<?> resourceClass, Method resourceMethod) {
        ctx.put(KEY, of(resourceClass, resourceMethod));
    }

    static String of(RoutingContext ctx) {
        String template = ctx.get(KEY);
        return template != null ? template : SandboxPaths.hubSpotPath(ctx.normalizedPath());
    }

    static String of(Class<?> resourceClass, Method resourceMethod) {
        String joined = "/" + pathOf(resourceClass) + "/" + pathOf(resourceMethod);
        String template = joined.replaceAll("/+", "/")
                // {id: [0-9]+} -> {id}
                .replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        return SandboxPaths.hubSpotPath(template);
    }

    private static String pathOf(Class<?> type) {
        Path path = type.getAnnotation(Path.class);
        if (path == null && type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            return pathOf(type.getSuperclass());
        }
        if (path == null) {
            for (Class<?> contract : type.getInterfaces()) {
                if (contract.getAnnotation(Path.class) != null) {
                    return contract.getAnnotation(Path.class).value();
                }
            }
        }
        return path == null ? "" : path.value();
    }

    private static String pathOf(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }
}
