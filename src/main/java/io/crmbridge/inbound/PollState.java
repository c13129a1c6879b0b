package io.crmbridge.inbound;

import java.time.Instant;

/**
 * One poll of one connection object, carried on the poll exchange (property {@code pollState}) from the first page
 * to the last. Split sub-exchanges share it, so the per-record steps add to the page's counts.
 */
public final class PollState {

    public static final String PROPERTY = "pollState";

    final String connection;
    final String object;
    final String routeId;
    /** The first page's lower bound: cursor - overlap, or null for a first-ever poll. */
    final Instant from;
    CursorPair committed;
    CursorPair lastSeen;
    CursorPair pageHighest;
    boolean more = true;
    int pages;
    int pagePolled;
    int pageDelivered;
    int pageDuplicates;
    int pageLoops;
    long polled;
    long delivered;

    PollState(String connection, String object, String routeId, CursorPair committed, Instant from) {
        this.connection = connection;
        this.object = object;
        this.routeId = routeId;
        this.committed = committed;
        this.from = from;
    }

    void startPage() {
        pageHighest = null;
        pagePolled = 0;
        pageDelivered = 0;
        pageDuplicates = 0;
        pageLoops = 0;
    }

    void duplicate() {
        pageDuplicates++;
    }

    void loopSuppressed() {
        pageLoops++;
    }

    void delivered() {
        pageDelivered++;
        delivered++;
    }

    public String connection() {
        return connection;
    }

    public String object() {
        return object;
    }

    public CursorPair committed() {
        return committed;
    }

    public int pages() {
        return pages;
    }

    @Override
    public String toString() {
        return connection + "/" + object + " pages=" + pages + " polled=" + polled + " delivered=" + delivered
                + " cursor=" + committed;
    }
}
