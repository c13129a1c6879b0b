package io.crmbridge.outbound.queue;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Events this replica stored since it started, so that an idle dispatcher begins a new event at once instead of at its
 * next poll of the queue (docs/architecture.md, "Queue"). Only a hint: the queue itself (table raw_event) says what
 * is there, and an event stored by another replica is found by the next poll.
 */
@ApplicationScoped
public class QueueArrivals {

    private long stored;
    private long lastStoredNanos = System.nanoTime() - Long.MAX_VALUE / 2;

    /** An event was stored and committed (route webhook-receive). */
    public synchronized void stored() {
        stored++;
        lastStoredNanos = System.nanoTime();
        notifyAll();
    }

    /** How many were stored so far: the mark to wait from. */
    synchronized long mark() {
        return stored;
    }

    /** Waits up to {@code millis} for an event stored after {@code mark}; true if one was. */
    synchronized boolean awaitAfter(long mark, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (stored == mark) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * While events keep arriving (each within {@code quietMillis} of the one before), waits until {@code wanted} were
     * stored after {@code mark}, for at most {@code maxMillis}; returns at once when the last one came longer than
     * {@code quietMillis} ago. Returns how many were stored after {@code mark}.
     */
    synchronized long awaitMore(long mark, int wanted, long quietMillis, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (stored - mark < wanted) {
            long now = System.nanoTime();
            long left = Math.min(lastStoredNanos + quietMillis * 1_000_000 - now, deadline - now) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return stored - mark;
    }
}
