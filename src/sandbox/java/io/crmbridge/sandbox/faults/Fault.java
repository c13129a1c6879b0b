package io.crmbridge.sandbox.faults;

/** What happens to one request: an optional delay, then nothing more, an error status, or a hang. */
record Fault(long latencyMillis, Kind kind, int status) {

    enum Kind {
        NONE, ERROR, HANG
    }

    static final Fault NONE = new Fault(0, Kind.NONE, 0);

    boolean isNone() {
        return kind == Kind.NONE && latencyMillis <= 0;
    }
}
