package io.crmbridge.connection;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * {@code /q/health/well}: DOWN while any connection needs new credentials, naming it and saying why, as every
 * replica sees it (table {@code connection_state}). A wellness check, not readiness: events are still accepted and
 * queued while the CRM cannot be written, so the pod stays in the Service. Alert {@code CONNECTION_NEEDS_REAUTH} is
 * raised when the connection enters the state.
 */
@Wellness
@ApplicationScoped
public class ConnectionsWellnessCheck implements HealthCheck {

    public static final String NAME = "crm-connections";

    private final CrmConnections connections;

    ConnectionsWellnessCheck(CrmConnections connections) {
        this.connections = connections;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
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
