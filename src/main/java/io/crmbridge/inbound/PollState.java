package io.crmbridge.inbound;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.crm.ChangeQuery;
import io.crmbridge.crm.PropertyChange;
import io.crmbridge.loopguard.OriginStamps;

/**
 * One poll of one connection object, carried on the poll exchange (property {@code pollState}) from the first page
 * to the last. Split sub-exchanges share it, so the per-record steps add to the page's counts.
 *
 * <p>Where the next page starts: {@code mode} {@code TIE_GROUP} reads the records modified exactly at {@code at} with an
 * id above {@code afterId}, in id order; {@code FORWARD} reads those modified after {@code at} and before
 * {@code settledBefore}, oldest first.
 */
public final class PollState {

    final String connection;
    final String object;
    final String routeId;
    /** The CRM's now minus the settle delay when the poll began: nothing modified later is read by this poll. */
    final Instant settledBefore;
    /** The cursor the poll began at: a record's changes after it (as pairs of time and record id) are undelivered. */
    final CursorPair changesSince;
    CursorPair committed;
    ChangeQuery.Mode mode;
    Instant at;
    String afterId;
    /** The CRM's next-page token within a tie group, for a CRM that pages tie groups by token; else null. */
    String pageToken;
    boolean more = true;
    /** A sweep (a feed in id order, {@code ChangeFeed#sweepsChangesById}) and the highest pair it has read so far. */
    boolean sweep;
    CursorPair sweepHighest;
    int pages;
    long calls;
    /**
     * Where the poll's time went, in nanoseconds: waiting for CRM answers, reading pages (JSON to records, origin
     * stamps), preparing the intake rows (loop guard, normalizing, JSON) and writing them (the page's transaction).
     */
    final long[] nanos = new long[Part.values().length];
    long callStarted;

    /** The parts of {@link #nanos}. */
    enum Part {
        CRM, READ, PREPARE, WRITE
    }
    /** The records (and notices) of the page in progress, and its history batches still to read. */
    List<PolledRecord> page = List.of();
    final ArrayDeque<List<String>> historyBatches = new ArrayDeque<>();
    final Map<String, List<PropertyChange>> history = new HashMap<>();
    /** The origin stamps of the page's records the bridge ever wrote, read once per page (null: not read). */
    Map<String, OriginStamps.Stamp> stamps;
    CursorPair pageHighest;
    int pagePolled;
    int pageDelivered;
    int pageDuplicates;
    int pageLoops;
    long polled;
    long delivered;
    /** The archived-records listing: whether this poll does it, its next page token, and the highest removal seen. */
    boolean archivedDue;
    boolean archivedStarted;
    String archivedAfter;
    Instant archivedSince;
    CursorPair archivedHighest;

    PollState(String connection, String object, String routeId, CursorPair committed, Instant settledBefore) {
        this.connection = connection;
        this.object = object;
        this.routeId = routeId;
        this.committed = committed;
        this.settledBefore = settledBefore;
        this.changesSince = committed;
        if (committed == null) {
            this.mode = ChangeQuery.Mode.FORWARD;
        } else {
            // Finish the tie group of the cursor's time first (strictly after its id), then go forward.
            this.mode = ChangeQuery.Mode.TIE_GROUP;
            this.at = committed.modifiedAt();
            this.afterId = committed.recordId();
        }
    }

    /**
     * The poll sweeps: every record changed after the cursor's time, in the CRM's id order, page by page; the cursor
     * moves to the highest pair read when the last page is through.
     */
    void startSweep() {
        sweep = true;
        mode = ChangeQuery.Mode.FORWARD;
        at = committed == null ? null : committed.modifiedAt();
        afterId = null;
        pageToken = null;
    }

    /** The state the next page is fetched on, while this one's page is still being delivered: where to read next. */
    PollState forNextPage() {
        PollState next = new PollState(connection, object, routeId, changesSince, settledBefore);
        next.committed = committed;
        next.readOnFrom(this);
        return next;
    }

    /**
     * Where to read next, as {@code other} left it: the query's shape and bounds, and the CRM's next-page token of a
     * tie group it pages by token (without the token the next page would be the group's first again, and again).
     */
    private void readOnFrom(PollState other) {
        mode = other.mode;
        at = other.at;
        afterId = other.afterId;
        pageToken = other.pageToken;
        sweep = other.sweep;
        sweepHighest = other.sweepHighest;
        more = other.more;
        pages = other.pages;
    }

    /**
     * Takes over a page fetched on {@link #forNextPage}, once the page before it is delivered: its records and
     * history, where to read next, and what fetching it cost.
     */
    void adopt(PollState fetched) {
        readOnFrom(fetched);
        calls += fetched.calls;
        polled += fetched.polled;
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] += fetched.nanos[i];
        }
        page = fetched.page;
        historyBatches.clear();
        history.clear();
        history.putAll(fetched.history);
        stamps = fetched.stamps;
        pageHighest = fetched.pageHighest;
        pagePolled = fetched.pagePolled;
        pageDelivered = 0;
        pageDuplicates = 0;
        pageLoops = 0;
    }

    void startPage() {
        page = List.of();
        historyBatches.clear();
        history.clear();
        stamps = null;
        pageHighest = null;
        pagePolled = 0;
        pageDelivered = 0;
        pageDuplicates = 0;
        pageLoops = 0;
    }

    void time(Part part, long startedNanos) {
        nanos[part.ordinal()] += System.nanoTime() - startedNanos;
    }

    /** A CRM call of the poll has been answered: the time since it was described counts as CRM time. */
    void answered() {
        if (callStarted != 0) {
            time(Part.CRM, callStarted);
            callStarted = 0;
        }
    }

    void duplicate() {
        pageDuplicates++;
    }

    void loopSuppressed() {
        pageLoops++;
    }

    void delivered() {
        delivered(1);
    }

    void delivered(int count) {
        pageDelivered += count;
        delivered += count;
    }

    void duplicates(int count) {
        pageDuplicates += count;
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

    public long calls() {
        return calls;
    }

    @Override
    public String toString() {
        return connection + "/" + object + " pages=" + pages + " calls=" + calls + " polled=" + polled + " delivered="
                + delivered + " cursor=" + committed;
    }
}
