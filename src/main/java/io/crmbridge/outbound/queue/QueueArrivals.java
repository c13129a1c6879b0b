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

    /** An event was stored and committed (route webhook-receive). */
    public synchronized void stored() {
        stored++;
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
}
