package io.crmbridge.outbound.queue;

/** A worker about to begin an event no longer holds its lease (another replica took it): it leaves the event alone. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String eventId) {
        super("event " + eventId + " is no longer held by this replica; its holder works on it");
    }
}
