package io.crmbridge.sandbox.faults;

/**
 * What happens to one request: an optional delay, then nothing more, an error status, a hang, or (for
 * {@code LOST_RESPONSE}) the request is served, its write commits, and then its answer is lost as {@code lost} says.
 */
record Fault(long latencyMillis, Kind kind, int status, LostResponse lost, int retryAfterSeconds) {

    enum Kind {
        NONE, ERROR, HANG, LOST_RESPONSE
    }

    static final Fault NONE = new Fault(0, Kind.NONE, 0);

    Fault(long latencyMillis, Kind kind, int status) {
        this(latencyMillis, kind, status, null, 1);
    }

    Fault(long latencyMillis, Kind kind, int status, LostResponse lost) {
        this(latencyMillis, kind, status, lost, 1);
    }

    /** An error answer; a 429 tells the client to come back after {@code retryAfterSeconds} (none when 0). */
    static Fault error(long latencyMillis, int status, int retryAfterSeconds) {
        return new Fault(latencyMillis, Kind.ERROR, status, null, retryAfterSeconds);
    }

    boolean isNone() {
        return kind == Kind.NONE && latencyMillis <= 0;
    }
}
