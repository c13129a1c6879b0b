package io.crmbridge.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while a running poller has not succeeded within its max-staleness, naming connection/object. */
@Readiness
@ApplicationScoped
public class PollFreshnessCheck implements HealthCheck {

    private final PollFreshness freshness;

    PollFreshnessCheck(PollFreshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("crm-polls").up();
        for (PollFreshness.Status status : freshness.statuses()) {
            String name = status.poller().connection() + "/" + status.poller().object();
            response.withData(name, (status.fresh() ? "FRESH: " : "STALE: ") + status.detail());
            if (!status.fresh()) {
                response.down();
            }
        }
        return response.build();
    }
}
