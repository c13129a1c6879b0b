package io.crmbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One connection's share of the CRM's rate limit: a fixed number of requests per period (a token bucket refilled
 * continuously), and a pause for the whole connection when the CRM answers 429 with {@code Retry-After}.
 */
public final class RateGate {

    private final double capacity;
    private final double refillPerNano;
    private final Clock clock;
    private final long startNanos = System.nanoTime();

    private double tokens;
    private long lastRefillNanos;
    private Instant pausedUntil = Instant.MIN;

    public RateGate(int requests, Duration period, Clock clock) {
        this.capacity = Math.max(1, requests);
        this.refillPerNano = capacity / period.toNanos();
        this.clock = clock;
        this.tokens = capacity;
        this.lastRefillNanos = startNanos;
    }

    /** Blocks until this connection may send one more request. */
    public void acquire() {
        long waitNanos;
        while ((waitNanos = tryAcquire()) > 0) {
            LockSupport.parkNanos(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(250)));
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for the rate limit");
            }
        }
    }

    /** Takes a permit and returns 0, or returns how many nanoseconds to wait before asking again. */
    synchronized long tryAcquire() {
        Duration pause = Duration.between(clock.instant(), pausedUntil);
        if (!pause.isNegative() && !pause.isZero()) {
            return pause.toNanos();
        }
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    /** The CRM said 429: nobody on this connection sends anything for {@code retryAfter}. */
    public synchronized void pause(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        tokens = 0;
    }

    public synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastRefillNanos) * refillPerNano);
        lastRefillNanos = now;
    }
}
