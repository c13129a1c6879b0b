package io.crmbridge.connection;

import java.time.Instant;

/**
 * The connection is paused (the CRM answered 429, or said its window is used up) for longer than a call should wait:
 * the caller gives up now and comes back at {@link #until()} instead of parking a thread (an event goes back to the
 * queue with that next attempt time).
 */
public class ConnectionPausedException extends RuntimeException {

    private final transient Instant until;

    public ConnectionPausedException(String connection, Instant until) {
        super("connection " + connection + " is paused by the CRM's rate limit until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
