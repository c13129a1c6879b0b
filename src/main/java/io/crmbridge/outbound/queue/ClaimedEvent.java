package io.crmbridge.outbound.queue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One raw event taken from the queue: what was received, which attempt this is, and which claim of this process run
 * took it ({@code claim}, a number unique in the run): the same event claimed again (it went back to the queue and was
 * taken before its first worker let go of it) is another claim, so one worker's release never frees the other's.
 */
@RegisterForReflection
public record ClaimedEvent(String eventId, String source, String connection, byte[] body, int attempts, long claim) {

    /** The same claim, begun: {@code attempts} is the attempt the worker counted. */
    ClaimedEvent begun(int attempts) {
        return new ClaimedEvent(eventId, source, connection, body, attempts, claim);
    }
}
