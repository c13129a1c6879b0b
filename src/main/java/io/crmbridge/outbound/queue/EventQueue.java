package io.crmbridge.outbound.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import io.crmbridge.db.PgText;
import io.crmbridge.ledger.KeyLeases;
import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.ops.ProcessRun;

/**
 * Table {@code raw_event} as the durable queue (docs/architecture.md, "Queue"). {@link #claim} takes a batch
 * with {@code FOR UPDATE SKIP LOCKED} (replicas never take the same event) and leases it to this process run
 * ({@code claimed_by = <instance>/<run>}). The lease is short and renewed by {@link #renewLeases} while the events are
 * worked on, so a dead replica's events come back within one lease; a restarted replica takes its own earlier claims
 * back at once. Every status change names the holder: an update from a worker that lost its lease changes nothing.
 * Events of a connection in NEEDS_REAUTH (table connection_state) are not claimed: they wait. Events whose holder died
 * (their lease ran out, or this instance's restart took them back) are claimed before the rest of the queue: they
 * were in a worker's hands, and an event retried once before has its next attempt behind the whole backlog.
 *
 * <p>A claim takes only what free workers can begin at once ({@link WorkerSlots}), and an attempt is counted when a
 * worker begins the event ({@link #begin}), not when it is claimed: a claim taken back after a crash before any
 * worker began it uses no attempt, so only events whose workers really died {@code max-claims} times are abandoned.
 */
@ApplicationScoped
@Named("eventQueue")
public class EventQueue {

    private static final Logger LOG = Logger.getLogger(EventQueue.class);

    private static final String CLAIM = """
            UPDATE raw_event r SET status = 'PROCESSING', claimed_by = ?,
                claimed_until = now() + CAST(? AS interval), updated_at = now()
            WHERE r.event_id IN (
                SELECT event_id FROM raw_event
                WHERE ((status IN ('QUEUED', 'WAITING') AND next_attempt_at <= now())
                       OR (status = 'PROCESSING' AND claimed_until < now() AND attempts < ?))
                  AND coalesce(connection, '') NOT IN (SELECT connection FROM connection_state WHERE state = 'NEEDS_REAUTH')
                ORDER BY status = 'PROCESSING' DESC, next_attempt_at, received_at
                LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING r.event_id, r.source, r.connection, r.body, r.attempts""";

    /** Begun {@code max-claims} times and never finished: every worker that began it died (or could not record). */
    private static final String ABANDONED = """
            UPDATE raw_event SET status = 'DEAD', claimed_until = NULL, updated_at = now(),
                last_error = 'abandoned: begun ' || attempts || ' times without an outcome (its workers died or could not record one)'
            WHERE event_id IN (SELECT event_id FROM raw_event WHERE status = 'PROCESSING' AND claimed_until < now()
                               AND attempts >= ? LIMIT 100 FOR UPDATE SKIP LOCKED)
            RETURNING event_id, source, body, attempts, last_error""";

    /** A worker begins a claimed event: one attempt used, the lease counted from now. */
    private static final String BEGIN = """
            UPDATE raw_event SET attempts = attempts + 1, claimed_until = now() + CAST(? AS interval), updated_at = now()
            WHERE event_id = CAST(? AS uuid) AND status = 'PROCESSING' AND claimed_by = ?
            RETURNING attempts""";

    /** A held event's status changes only while this run still holds its lease. */
    private static final String HELD = " WHERE event_id = CAST(? AS uuid) AND status = 'PROCESSING' AND claimed_by = ?";

    private final DataSource dataSource;
    private final DispatchConfig config;
    private final DeadLetters deadLetters;
    private final String instance;
    private final String holder;
    private final String everyRun;
    private final KeyLeases keys;
    private final WorkerSlots slots;
    private final QueueArrivals arrivals;
    /** Numbers this run's claims ({@link ClaimedEvent#claim()}). */
    private final AtomicLong claims = new AtomicLong();
    private volatile boolean tookOver;
    /** The last claim found nothing: the next event to arrive is not part of a burst in progress. */
    private volatile boolean idle = true;
    private volatile long lastRenewal;

    EventQueue(DataSource dataSource, DispatchConfig config, DeadLetters deadLetters, ProcessRun run, KeyLeases keys,
            QueueArrivals arrivals) {
        this.dataSource = dataSource;
        this.arrivals = arrivals;
        this.keys = keys;
        this.config = config;
        this.deadLetters = deadLetters;
        this.instance = run.instance();
        this.holder = run.run();
        this.everyRun = run.everyRunPattern();
        this.slots = new WorkerSlots(config.workers() + config.batchSize());
    }

    /**
     * The next events to process, oldest first: whatever is queued, up to batch-size, and never more in hand than the
     * workers plus one batch waiting for them (when that many are in hand, waiting up to one dispatch period for a
     * batch to be let go of). The claim is how grouping follows pressure: a backlog, or events that queued while the
     * previous claim waited for the CRM, are claimed and go through the bulk path's grouped calls together; an idle
     * queue is waited on for up to one dispatch period, and an event this replica stores meanwhile is claimed at once,
     * alone. A claim that finds fewer than batch-size while earlier work was in progress and events are still arriving
     * waits for them (fill-quiet, fill-wait). Empty when nothing came. A SIGKILL strands at most workers + batch-size
     * claims.
     */
    public List<ClaimedEvent> claim() throws SQLException, InterruptedException {
        if (!tookOver) {
            takeOverOwnClaims();
        }
        deadLetterAbandoned();
        int free = slots.awaitFree(config.batchSize(), config.period());
        if (free == 0) {
            return List.of();
        }
        int limit = Math.min(free, config.batchSize());
        long mark = arrivals.mark();
        List<ClaimedEvent> claimed = claimAs(holder, limit);
        if (claimed.isEmpty() && arrivals.awaitAfter(mark, config.period())) {
            // the queue was idle: a new event goes at once, alone
            claimed = claimAs(holder, limit);
        } else if (!claimed.isEmpty() && claimed.size() < limit && !idle
                && arrivals.awaitMore(mark, limit - claimed.size(), config.fillQuiet().toMillis(), config.fillWait().toMillis()) > 0) {
            // a burst is still arriving behind work in progress: the claim fills up before its events go together
            claimed = new ArrayList<>(claimed);
            claimed.addAll(claimAs(holder, limit - claimed.size()));
        }
        idle = claimed.isEmpty();
        slots.taken(claimed);
        return claimed;
    }

    /** Claims a batch for {@code claimant} (tests: a replica that then dies). */
    List<ClaimedEvent> claimAs(String claimant) throws SQLException {
        return claimAs(claimant, config.batchSize());
    }

    List<ClaimedEvent> claimAs(String claimant, int limit) throws SQLException {
        List<ClaimedEvent> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, claimant);
            ps.setString(2, config.lease().toMillis() + " milliseconds");
            ps.setInt(3, config.maxClaims());
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new ClaimedEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                            rs.getInt(5), claims.incrementAndGet()));
                }
            }
        }
        return claimed;
    }

    /**
     * A worker begins the claimed event: its attempt is counted now. Returns the event with this attempt's number, or
     * empty when this run no longer holds it (its lease ran out and another replica took it).
     */
    public Optional<ClaimedEvent> begin(ClaimedEvent event) {
        return beginAs(holder, event);
    }

    Optional<ClaimedEvent> beginAs(String claimant, ClaimedEvent event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BEGIN)) {
            ps.setString(1, config.lease().toMillis() + " milliseconds");
            ps.setString(2, event.eventId());
            ps.setString(3, claimant);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(event.begun(rs.getInt(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw_event begin failed: " + e.getMessage(), e);
        }
    }

    /** The worker is done with the event, whatever its outcome (route event-process, finally): a worker is free. */
    public void release(Exchange exchange) {
        ClaimedEvent raw = exchange.getProperty(ExchangeKeys.RAW_EVENT, ClaimedEvent.class);
        if (raw != null) {
            release(raw);
        }
    }

    /** The claim is done (route event-dispatch, after its split): each of its events' workers is free. */
    public void releaseAll(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof List<?> claim) {
            claim.stream().filter(ClaimedEvent.class::isInstance).map(ClaimedEvent.class::cast).forEach(this::release);
        }
    }

    void release(ClaimedEvent event) {
        slots.release(event);
    }

    /** Events claimed by this run whose worker has not let go of them yet. */
    int inFlight() {
        return slots.size();
    }

    /**
     * Extends the lease of every event this run is still working on (route lease-renew). A renewal later than half a
     * lease after the previous one is logged: a stalled process (a long GC pause, a starved machine, a slow database)
     * can lose leases, and a second claim then runs the event again (safe: see JdbcLedger#contains(Exchange, String)).
     */
    public int renewLeases() throws SQLException {
        long now = System.nanoTime();
        long sinceLast = (now - lastRenewal) / 1_000_000;
        boolean first = lastRenewal == 0;
        lastRenewal = now;
        if (!first && sinceLast > config.lease().toMillis() / 2) {
            LOG.warnf("Lease renewal ran %d ms after the previous one (lease %d ms): claims may have run out meanwhile",
                    sinceLast, config.lease().toMillis());
        }
        List<String> ids = slots.snapshot();
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE raw_event SET claimed_until = now() + CAST(? AS interval) "
                        + "WHERE event_id = ANY (CAST(? AS uuid[])) AND status = 'PROCESSING' AND claimed_by = ?")) {
            ps.setString(1, config.lease().toMillis() + " milliseconds");
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            ps.setString(3, holder);
            return ps.executeUpdate();
        }
    }

    /** Final status of an attempt that ended (DONE, REVIEW, DEAD, SKIPPED, DUPLICATE, REJECTED); false if the lease was lost. */
    public boolean finish(String eventId, String status, String error) {
        return held(eventId, update("UPDATE raw_event SET status = ?, last_error = ?, claimed_until = NULL, updated_at = now()"
                + HELD, status, PgText.safe(error, PgText.MAX_MESSAGE), eventId, holder));
    }

    /** {@link #finish} inside the caller's transaction (the dead letter and the status commit together). */
    public boolean finish(Connection c, String eventId, String status, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE raw_event SET status = ?, last_error = ?, claimed_until = NULL, updated_at = now()" + HELD)) {
            ps.setString(1, status);
            ps.setString(2, PgText.safe(error, PgText.MAX_MESSAGE));
            ps.setString(3, eventId);
            ps.setString(4, holder);
            return held(eventId, ps.executeUpdate());
        }
    }

    /**
     * Back to the queue after a retryable failure: the delay doubles with each attempt, with jitter. Returns false
     * when the event has used its attempts (the caller dead-letters it).
     */
    public boolean retryLater(String eventId, int attempts, String error) {
        if (attempts >= config.maxAttempts()) {
            return false;
        }
        held(eventId, update("UPDATE raw_event SET status = 'QUEUED', last_error = ?, claimed_until = NULL, updated_at = now(), "
                + "next_attempt_at = now() + CAST(? AS interval)" + HELD,
                PgText.safe(error, PgText.MAX_MESSAGE), backoff(attempts).toMillis() + " milliseconds", eventId, holder));
        return true;
    }

    /**
     * The event cannot go on now (connection needs new credentials, is paused by a 429, or its keys are busy): it goes
     * back to the queue as WAITING until {@code notBefore}, without using an attempt, and no thread waits for it.
     */
    public boolean waitUntil(String eventId, Instant notBefore, String error) {
        long millis = Math.max(0, Duration.between(Instant.now(), notBefore).toMillis());
        return held(eventId, update("UPDATE raw_event SET status = 'WAITING', attempts = greatest(attempts - 1, 0), "
                + "last_error = ?, claimed_until = NULL, next_attempt_at = now() + CAST(? AS interval), updated_at = now()"
                + HELD, PgText.safe(error, PgText.MAX_MESSAGE), millis + " milliseconds", eventId, holder));
    }

    /** Replay of a dead letter or review item: a fresh set of attempts. Returns false if the event is not final. */
    public boolean requeue(String eventId) {
        return update("UPDATE raw_event SET status = 'QUEUED', attempts = 0, next_attempt_at = now(), claimed_until = NULL, "
                + "updated_at = now() WHERE event_id = CAST(? AS uuid) AND status IN ('DEAD', 'REVIEW', 'REJECTED', 'SKIPPED')",
                eventId) == 1;
    }

    /** This replica's stable name (before the run in {@code claimed_by}). */
    String instance() {
        return instance;
    }

    /** This process run's name in {@code claimed_by}. */
    public String holder() {
        return holder;
    }

    Duration backoff(int attempts) {
        long base = config.retryDelay().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, config.maxRetryDelay().toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - capped / 8 + jitter);
    }

    /**
     * A restart of this instance: the claims of its previous runs (killed mid-event) are claimable now, not in a lease,
     * and the key locks they held are free (else those events would find their own keys busy and wait out the locks'
     * lease at the back of the queue).
     */
    void takeOverOwnClaims() throws SQLException {
        keys.takeOverOwnKeys();
        int taken = update("UPDATE raw_event SET claimed_until = now() - interval '1 millisecond' "
                + "WHERE status = 'PROCESSING' AND claimed_by LIKE ? AND claimed_by <> ?", everyRun, holder);
        tookOver = true;
        if (taken > 0) {
            LOG.warnf("Took back %d events claimed by an earlier run of instance %s", taken, instance);
        }
    }

    private void deadLetterAbandoned() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(ABANDONED)) {
                ps.setInt(1, config.maxClaims());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String eventId = rs.getString(1);
                        deadLetters.insert(c, new DeadLetters.Row(eventId, "event-dispatch", null,
                                new String(rs.getBytes(3), java.nio.charset.StandardCharsets.UTF_8), "abandoned",
                                rs.getString(5), rs.getInt(4), null, null, null));
                        LOG.errorf("Event %s dead-lettered: %s", eventId, rs.getString(5));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean held(String eventId, int rows) {
        if (rows == 0) {
            LOG.warnf("Event %s: this worker no longer holds its lease (%s); its status was left to the holder", eventId, holder);
        }
        return rows > 0;
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
