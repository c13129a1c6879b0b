package io.crmbridge.outbound.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;


/**
 * Table {@code raw_event} as the durable queue (DESIGN.md section 1, outbound step 2). {@link #claim} takes a batch
 * with {@code FOR UPDATE SKIP LOCKED} (replicas never take the same event) and leases it; an event whose lease ran
 * out (its worker died) is claimable again. Events of a connection in NEEDS_REAUTH (table connection_state) are
 * not claimed: they wait.
 */
@ApplicationScoped
@Named("eventQueue")
public class EventQueue {

    private static final String CLAIM = """
            UPDATE raw_event r SET status = 'PROCESSING', attempts = r.attempts + 1, claimed_by = ?,
                claimed_until = now() + CAST(? AS interval), updated_at = now()
            WHERE r.event_id IN (
                SELECT event_id FROM raw_event
                WHERE ((status IN ('QUEUED', 'WAITING') AND next_attempt_at <= now())
                       OR (status = 'PROCESSING' AND claimed_until < now()))
                  AND coalesce(connection, '') NOT IN (SELECT connection FROM connection_state WHERE state = 'NEEDS_REAUTH')
                ORDER BY next_attempt_at, received_at
                LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING r.event_id, r.source, r.connection, r.body, r.attempts""";

    private final DataSource dataSource;
    private final DispatchConfig config;
    private final String worker = "worker-" + UUID.randomUUID();

    EventQueue(DataSource dataSource, DispatchConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The next batch of events to process, oldest first; empty when there is nothing to do. */
    public List<ClaimedEvent> claim() throws SQLException {
        List<ClaimedEvent> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, worker);
            ps.setString(2, config.lease().toMillis() + " milliseconds");
            ps.setInt(3, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new ClaimedEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                            rs.getInt(5)));
                }
            }
        }
        return claimed;
    }

    /** Final status of an attempt that ended (DONE, REVIEW, DEAD, SKIPPED, DUPLICATE, REJECTED). */
    public void finish(String eventId, String status, String error) {
        update("UPDATE raw_event SET status = ?, last_error = ?, claimed_until = NULL, updated_at = now() "
                + "WHERE event_id = CAST(? AS uuid)", status, error, eventId);
    }

    /**
     * Back to the queue after a retryable failure: the delay doubles with each attempt, with jitter. Returns false
     * when the event has used its attempts (the caller dead-letters it).
     */
    public boolean retryLater(String eventId, int attempts, String error) {
        if (attempts >= config.maxAttempts()) {
            return false;
        }
        update("UPDATE raw_event SET status = 'QUEUED', last_error = ?, claimed_until = NULL, updated_at = now(), "
                + "next_attempt_at = now() + CAST(? AS interval) WHERE event_id = CAST(? AS uuid)",
                error, backoff(attempts).toMillis() + " milliseconds", eventId);
        return true;
    }

    /** The connection is waiting for new credentials: the event waits too, without using an attempt. */
    public void waitForConnection(String eventId, String error) {
        update("UPDATE raw_event SET status = 'WAITING', attempts = greatest(attempts - 1, 0), last_error = ?, "
                + "claimed_until = NULL, next_attempt_at = now() + interval '30 seconds', updated_at = now() "
                + "WHERE event_id = CAST(? AS uuid)", error, eventId);
    }

    /** Replay of a dead letter or review item: a fresh set of attempts. Returns false if the event is not final. */
    public boolean requeue(String eventId) {
        return update("UPDATE raw_event SET status = 'QUEUED', attempts = 0, next_attempt_at = now(), claimed_until = NULL, "
                + "updated_at = now() WHERE event_id = CAST(? AS uuid) AND status IN ('DEAD', 'REVIEW', 'REJECTED', 'SKIPPED')",
                eventId) == 1;
    }

    java.time.Duration backoff(int attempts) {
        long base = config.retryDelay().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, config.maxRetryDelay().toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return java.time.Duration.ofMillis(capped - capped / 8 + jitter);
    }

    private int update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("raw_event update failed: " + e.getMessage(), e);
        }
    }
}
