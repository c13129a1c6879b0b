package io.crmbridge.connection;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while any connection needs new credentials, naming it and saying why. */
@Readiness
@ApplicationScoped
public class ConnectionsReadinessCheck implements HealthCheck {

    private final CrmConnections connections;

    ConnectionsReadinessCheck(CrmConnections connections) {
        this.connections = connections;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("crm-connections").up();
        for (String name : connections.names()) {
            ConnectionAuth auth = connections.get(name).auth();
            if (auth.needsReauth()) {
                response.down().withData(name, "NEEDS_REAUTH: " + auth.reauthReason());
            } else {
                response.withData(name, "ACTIVE");
            }
        }
        return response.build();
    }
}
