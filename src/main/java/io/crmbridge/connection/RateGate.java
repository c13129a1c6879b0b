package io.crmbridge.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

/**
 * One replica's door to its connection's rate limit. Permits come from a {@link PermitSource} shared by every
 * replica (a token bucket in PostgreSQL, {@link SharedPermits}) in leases of several at a time, so a busy replica
 * makes one database round trip per lease rather than per request. A lease is good for {@code leaseValidity} only:
 * permits not used by then are dropped, which is what keeps the sum of all replicas within the limit in every
 * window (see {@link RateBudget}). Lease sizes follow demand: doubled while leases run out, cut back to what was
 * used when one expires with permits left over.
 */
public final class RateGate {

    /** Where permits come from. */
    public interface PermitSource {
        /** Up to {@code wanted} permits now; none, with how long to wait, while the bucket is empty or paused. */
        Lease lease(int wanted);

        /** Nobody on the connection gets a permit for {@code duration}. */
        void pause(Duration duration);
    }

    /** {@code granted} permits, or none and when to ask again. */
    public record Lease(int granted, Duration retryIn) {
    }

    private static final Logger LOG = Logger.getLogger(RateGate.class);
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PermitSource source;
    private final int maxLease;
    private final long validityNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    /** The gate's clock: {@link System#nanoTime()}, or a test's. */
    private final LongSupplier nanoTime;

    private int permits;
    private int leased;
    private int used;
    private int nextWanted = 1;
    private long expiresAtNanos;
    private long pausedUntilNanos;
    /** The bucket said to wait until then: this replica's other callers wait too, without asking the database. */
    private long retryAtNanos;

    public RateGate(PermitSource source, int maxLease, Duration leaseValidity) {
        this(source, maxLease, leaseValidity, System::nanoTime);
    }

    /** With the clock it reads ({@link System#nanoTime()}'s kind: only differences count). */
    RateGate(PermitSource source, int maxLease, Duration leaseValidity, LongSupplier nanoTime) {
        this.source = source;
        this.maxLease = Math.max(1, maxLease);
        this.validityNanos = leaseValidity.toNanos();
        this.nanoTime = nanoTime;
        this.pausedUntilNanos = nanoTime.getAsLong();
        this.retryAtNanos = pausedUntilNanos;
    }

    /** Blocks until this connection may send one more request. */
    public void acquire() {
        waiting.incrementAndGet();
        try {
            long waitNanos;
            while ((waitNanos = tryAcquire()) > 0) {
                LockSupport.parkNanos(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(250)));
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted while waiting for the rate limit");
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Takes a permit and returns 0, or returns how many nanoseconds to wait before asking again. */
    synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        if (now - pausedUntilNanos < 0) {
            return pausedUntilNanos - now;
        }
        if (permits > 0 && now - expiresAtNanos < 0) {
            permits--;
            used++;
            return 0;
        }
        if (now - retryAtNanos < 0) {
            return retryAtNanos - now;
        }
        return lease();
    }

    /** The CRM said 429 (or that its window is used up): nobody on this connection, on any replica, sends for {@code retryAfter}. */
    public void pause(Duration retryAfter) {
        synchronized (this) {
            long until = nanoTime.getAsLong() + retryAfter.toNanos();
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
            }
            permits = 0;
        }
        try {
            source.pause(retryAfter);
        } catch (RuntimeException e) {
            // This replica still pauses; the others learn of the limit from their own 429s.
            LOG.warnf("Sharing a rate-limit pause failed: %s", e.getMessage());
        }
    }

    /** Until when this replica knows the connection to be paused (a 429 or a used-up window); {@code Instant.MIN} if not. */
    public synchronized Instant pausedUntil() {
        long left = pausedUntilNanos - nanoTime.getAsLong();
        return left > 0 ? Instant.now().plusNanos(left) : Instant.MIN;
    }

    private long lease() {
        if (leased > 0) {
            nextWanted = permits == 0 ? Math.min(maxLease, nextWanted * 2) : Math.max(1, used);
        }
        permits = 0;
        leased = 0;
        int wanted = Math.min(maxLease, Math.max(nextWanted, waiting.get()));
        // The lease's clock starts before the request is sent, so it never outlives its validity on the database's clock.
        long sentAt = nanoTime.getAsLong();
        Lease lease = source.lease(wanted);
        if (lease.granted() <= 0) {
            long wait = Math.max(MIN_WAIT_NANOS, lease.retryIn().toNanos());
            retryAtNanos = nanoTime.getAsLong() + wait;
            return wait;
        }
        leased = lease.granted();
        permits = leased - 1;
        used = 1;
        expiresAtNanos = sentAt + validityNanos;
        return 0;
    }
}
