package io.crmbridge.outbound.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events this process run has claimed and whose worker has not yet let go of them (route event-process, finally):
 * at most {@code capacity} at a time (the workers plus one batch waiting for them), so the dispatcher never claims
 * more than its workers are about to begin. Claimed but not begun work is what a SIGKILL strands; a queue between
 * claim and work (a thread pool's, or a claim every tick whatever the workers do) once held thousands of such claims
 * per run. Also the set whose leases are renewed.
 *
 * <p>Kept per claim: an event that went back to the queue (waiting for a key, a 429 pause) can be claimed again before
 * its first worker has let go of it. That worker's release then must not free the new claim, else the new claim's
 * lease is no longer renewed, runs out under its worker, and a third claim runs the event beside it.
 */
final class WorkerSlots {

    private final int capacity;
    /** Event id to the claim ({@link ClaimedEvent#claim()}) that holds it now. */
    private final Map<String, Long> inFlight = new HashMap<>();

    WorkerSlots(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * How many more events may be claimed now. When none may, waits up to {@code millis} until {@code batch} are let
     * go of (or all, if fewer): the events of a claim then move through their grouped CRM calls together, instead of
     * one claim per event as each ends. Returns 0 when none was let go of in time.
     */
    synchronized int awaitFree(int batch, long millis) throws InterruptedException {
        int want = Math.max(1, Math.min(batch, capacity));
        long deadline = System.nanoTime() + millis * 1_000_000;
        if (free() == 0) {
            while (free() < want) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
        }
        return free();
    }

    private int free() {
        return Math.max(0, capacity - inFlight.size());
    }

    synchronized void taken(List<ClaimedEvent> events) {
        events.forEach(e -> inFlight.put(e.eventId(), e.claim()));
    }

    /** The claim's worker is done with the event, whatever happened to it; idempotent; a later claim stays. */
    synchronized void release(ClaimedEvent event) {
        if (inFlight.remove(event.eventId(), event.claim())) {
            notifyAll();
        }
    }

    synchronized List<String> snapshot() {
        return List.copyOf(inFlight.keySet());
    }

    synchronized int size() {
        return inFlight.size();
    }
}
