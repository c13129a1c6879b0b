package io.crmbridge.outbound.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crmbridge.ops.OperatorAlerts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbound queue's backlog, sampled by route {@code queue-backlog} into Micrometer gauges: depth by status
 * ({@code crmbridge_queue_depth{status}}), the age of the oldest event not yet finished
 * ({@code crmbridge_queue_oldest_waiting_seconds}) and the processing lag, received to DONE, averaged over the events
 * done in the last five minutes ({@code crmbridge_queue_processing_lag_seconds}). Raises alert {@code QUEUE_BACKLOG}
 * when the oldest waiting event is older than crmbridge.dispatch.backlog-alert-age, and {@code QUEUE_GROWING} when
 * the waiting depth grew at every one of the last crmbridge.dispatch.backlog-growth-samples samples.
 */
@ApplicationScoped
@Named("queueBacklog")
public class QueueBacklog {

    static final List<String> STATUSES = List.of("QUEUED", "WAITING", "PROCESSING", "REVIEW", "DEAD");
    static final String BACKLOG_ALERT = "QUEUE_BACKLOG";
    static final String GROWING_ALERT = "QUEUE_GROWING";
    private static final String SUBJECT = "outbound";

    private final DataSource dataSource;
    private final DispatchConfig config;
    private final OperatorAlerts alerts;
    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final Deque<Long> recentWaiting = new ArrayDeque<>();
    private Boolean backlogRaised;
    private Boolean growingRaised;

    QueueBacklog(DataSource dataSource, DispatchConfig config, OperatorAlerts alerts, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.alerts = alerts;
        for (String status : STATUSES) {
            AtomicLong value = depth.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("crmbridge.queue.depth", value, AtomicLong::get).tag("status", status)
                    .description("Outbound events in this status").register(meters);
        }
        Gauge.builder("crmbridge.queue.oldest.waiting.seconds", oldestWaitingSeconds, AtomicLong::get)
                .description("Age of the oldest outbound event not yet finished").register(meters);
        Gauge.builder("crmbridge.queue.processing.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Received to DONE, averaged over the events done in the last five minutes").register(meters);
    }

    public synchronized void sample() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> counts = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM raw_event "
                    + "WHERE status = ANY (CAST(? AS text[])) GROUP BY status")) {
                ps.setArray(1, c.createArrayOf("text", STATUSES.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            STATUSES.forEach(s -> depth.get(s).set(counts.getOrDefault(s, 0L)));
            oldestWaitingSeconds.set(single(c, "SELECT coalesce(extract(epoch FROM now() - min(received_at)), 0) FROM raw_event "
                    + "WHERE status IN ('QUEUED', 'WAITING', 'PROCESSING')"));
            lagMillis.set(single(c, "SELECT coalesce(extract(epoch FROM avg(updated_at - received_at)) * 1000, 0) FROM raw_event "
                    + "WHERE status = 'DONE' AND updated_at > now() - interval '5 minutes'"));
        }
        checkBacklog();
        checkGrowth(depth.get("QUEUED").get() + depth.get("WAITING").get() + depth.get("PROCESSING").get());
    }

    public long oldestWaitingSeconds() {
        return oldestWaitingSeconds.get();
    }

    private void checkBacklog() {
        boolean over = oldestWaitingSeconds.get() > config.backlogAlertAge().toSeconds();
        if (over) {
            alerts.raise(BACKLOG_ALERT, SUBJECT, "the oldest outbound event has waited " + oldestWaitingSeconds.get()
                    + " s (limit " + config.backlogAlertAge().toSeconds() + " s); " + depth.get("QUEUED").get() + " queued, "
                    + depth.get("WAITING").get() + " waiting, " + depth.get("PROCESSING").get() + " processing");
        } else if (!Boolean.FALSE.equals(backlogRaised)) {
            alerts.clear(BACKLOG_ALERT, SUBJECT);
        }
        backlogRaised = over;
    }

    private void checkGrowth(long waiting) {
        int samples = config.backlogGrowthSamples();
        recentWaiting.addLast(waiting);
        while (recentWaiting.size() > samples + 1) {
            recentWaiting.removeFirst();
        }
        boolean growing = samples > 0 && recentWaiting.size() == samples + 1 && strictlyIncreasing();
        if (growing) {
            alerts.raise(GROWING_ALERT, SUBJECT, "the outbound queue grew at each of the last " + samples
                    + " samples, to " + waiting + " unfinished events");
        } else if (!Boolean.FALSE.equals(growingRaised)) {
            alerts.clear(GROWING_ALERT, SUBJECT);
        }
        growingRaised = growing;
    }

    private boolean strictlyIncreasing() {
        long previous = Long.MIN_VALUE;
        for (long v : recentWaiting) {
            if (v <= previous) {
                return false;
            }
            previous = v;
        }
        return true;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Math.round(rs.getDouble(1)) : 0;
        }
    }
}
