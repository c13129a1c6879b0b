package io.crmbridge.outbound.queue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One raw event taken from the queue: what was received, and which attempt this is. */
@RegisterForReflection
public record ClaimedEvent(String eventId, String source, String connection, byte[] body, int attempts) {
}
