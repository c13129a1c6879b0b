package io.crmbridge.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;

import io.crmbridge.ops.OperatorAlerts;

/**
 * Is every running poller fresh? A poll route that has run longer than its {@code max-staleness} without committing a
 * page or finishing a poll is stale: readiness names it ({@link PollFreshnessCheck}) and route {@code poll-freshness}
 * raises alert {@code POLL_STALE} for it (cleared when it recovers). Freshness is read from {@code sync_cursor}, so
 * every replica sees the leader's polls. Stopped routes are not judged.
 */
@ApplicationScoped
@Named("pollFreshness")
public class PollFreshness {

    public static final String ALERT = "POLL_STALE";

    /** One poller's freshness. */
    public record Status(PollRoutes.Poller poller, boolean fresh, Instant lastProgress, String detail) {
    }

    private final PollRoutes routes;
    private final SyncCursors cursors;
    private final CamelContext camel;
    private final OperatorAlerts alerts;

    PollFreshness(PollRoutes routes, SyncCursors cursors, CamelContext camel, OperatorAlerts alerts) {
        this.routes = routes;
        this.cursors = cursors;
        this.camel = camel;
        this.alerts = alerts;
    }

    public List<Status> statuses() {
        List<Status> statuses = new ArrayList<>();
        for (PollRoutes.Poller poller : routes.pollers()) {
            Route route = camel.getRoute(poller.routeId());
            if (route == null || camel.getRouteController().getRouteStatus(poller.routeId()) != ServiceStatus.Started) {
                continue;
            }
            statuses.add(status(poller, Instant.now().minusMillis(route.getUptimeMillis())));
        }
        return statuses;
    }

    /** Raise or clear the alert of every running poller (route {@code poll-freshness}). */
    public void check() {
        for (Status status : statuses()) {
            String subject = status.poller().connection() + "/" + status.poller().object();
            if (status.fresh()) {
                alerts.clear(ALERT, subject);
            } else {
                alerts.raise(ALERT, subject, status.detail());
            }
        }
    }

    private Status status(PollRoutes.Poller poller, Instant routeStarted) {
        var row = cursors.find(poller.connection(), poller.object());
        Instant last = latest(routeStarted, row.map(SyncCursors.Row::lastSuccessAt).orElse(null),
                row.map(SyncCursors.Row::lastPageAt).orElse(null));
        Duration age = Duration.between(last, Instant.now());
        boolean fresh = age.compareTo(poller.maxStaleness()) <= 0;
        String error = row.map(SyncCursors.Row::lastError).orElse(null);
        String detail = fresh ? "last progress " + last
                : "no successful poll for " + age.toSeconds() + "s (max-staleness " + poller.maxStaleness().toSeconds()
                        + "s)" + (error == null ? "" : "; last error: " + error);
        return new Status(poller, fresh, last, detail);
    }

    private static Instant latest(Instant... instants) {
        Instant latest = Instant.EPOCH;
        for (Instant i : instants) {
            if (i != null && i.isAfter(latest)) {
                latest = i;
            }
        }
        return latest;
    }
}
