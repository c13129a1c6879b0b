package io.crmbridge.ops.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.config.ConfigMapping;

/** The admin API under /admin takes a bearer admin token, compared in constant time; without one configured it is off. */
public class AdminAuthFilter {

    @ConfigMapping(prefix = "crmbridge.admin")
    public interface AdminConfig {
        /** Bearer token for /admin; from the environment (CRMBRIDGE_ADMIN_TOKEN). Unset: the admin API answers 503. */
        Optional<String> token();
    }

    private final AdminConfig config;

    AdminAuthFilter(AdminConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> requireAdminToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/admin")) {
            return Optional.empty();
        }
        if (config.token().isEmpty()) {
            return Optional.of(error(503, "the admin API is off: set crmbridge.admin.token"));
        }
        String header = request.getHeaderString("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
        boolean valid = MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                config.token().get().getBytes(StandardCharsets.UTF_8));
        return valid ? Optional.empty() : Optional.of(error(401, "a valid admin bearer token is required"));
    }

    private static Response error(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(java.util.Map.of("error", reason)).build();
    }
}
