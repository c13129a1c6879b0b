package io.crmbridge.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * {@code /q/health/well}: DOWN while a running poller has not succeeded within its max-staleness, naming
 * connection/object (route {@code poll-freshness} raises alert {@code POLL_STALE} for it). A wellness check, not
 * readiness: a stale poll does not stop this pod from accepting events.
 */
@Wellness
@ApplicationScoped
public class PollFreshnessCheck implements HealthCheck {

    public static final String NAME = "crm-polls";

    private final PollFreshness freshness;

    PollFreshnessCheck(PollFreshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
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
