package io.crmbridge.crm.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Collects pending calls per {@link CallGroup} and hands each group to the sender when it holds {@code maxSize}
 * inputs, when no call joined it for the quiet time, or at the latest when its window has passed since its first call. An upsert whose key the open group already holds closes that
 * group first (a batch may name a record once). When every caller in flight ({@link #enter} .. {@link #leave}) is
 * waiting for an answer, no more calls can join, and the open groups go out without waiting for their windows: a
 * lone event is not delayed, and a claimed batch of events moves through its stages together. Sending runs on its
 * own threads; the callers wait on their answers.
 */
final class CallBatcher {

    private final int maxSize;
    private final long windowMillis;
    private final long quietMillis;
    private final BiConsumer<CallGroup, List<PendingCall>> sender;
    private final Map<CallGroup, Open> open = new HashMap<>();
    /** Callers that may still submit a call (events being decided), and calls submitted and not yet sent. */
    private int active;
    private int waiting;
    /** Callers on a worker but blocked before their next call (waiting for a key another event holds). */
    private int parked;
    /** At most this many callers run at once (the event workers): more announced ones cannot all be in flight. */
    private final int maxInFlight;
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    /** Told of every group that goes out: why, and how many calls it holds. */
    private volatile BiConsumer<Reason, Integer> sent = (reason, calls) -> { };

    /** Why a group went out. */
    enum Reason {
        /** it held the most inputs one batch call takes */
        FULL,
        /** a call named a key the group already held (a batch names a record once) */
        REPEATED_KEY,
        /** every caller in flight was waiting for an answer */
        ALL_WAITING,
        /** no call joined it for the quiet time */
        QUIET,
        /** its window ended */
        WINDOW
    }

    CallBatcher(int maxSize, long windowMillis, BiConsumer<CallGroup, List<PendingCall>> sender) {
        this(maxSize, windowMillis, windowMillis, Integer.MAX_VALUE, sender);
    }

    CallBatcher(int maxSize, long windowMillis, long quietMillis, int maxInFlight,
            BiConsumer<CallGroup, List<PendingCall>> sender) {
        this.maxInFlight = Math.max(1, maxInFlight);
        this.maxSize = Math.max(1, maxSize);
        this.windowMillis = Math.max(0, windowMillis);
        this.quietMillis = Math.max(1, Math.min(quietMillis, this.windowMillis));
        this.sender = sender;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "crm-batch-window"));
        this.senders = Executors.newCachedThreadPool(r -> daemon(r, "crm-batch-send"));
    }

    void onSend(BiConsumer<Reason, Integer> listener) {
        this.sent = listener;
    }

    /** Callers that will submit calls (claimed events): groups wait for them until their window ends. */
    synchronized void enter(int callers) {
        active += callers;
    }

    /** Callers that will submit no more calls; when everyone left is waiting, the open groups go out at once. */
    void leave(int callers) {
        if (callers == 0) {
            return;
        }
        List<Map.Entry<CallGroup, List<PendingCall>>> due;
        synchronized (this) {
            active = Math.max(0, active - callers);
            due = waiting >= inFlight() ? closeAll() : List.of();
        }
        due.forEach(e -> send(e.getKey(), e.getValue(), Reason.ALL_WAITING));
    }

    /**
     * A caller in flight cannot submit for a while (it waits for a key lock another event holds): it is not waited
     * for until {@link #resume}. When everyone else in flight is waiting for an answer, the open groups go out now.
     */
    void park() {
        List<Map.Entry<CallGroup, List<PendingCall>>> due;
        synchronized (this) {
            parked++;
            due = waiting > 0 && waiting >= inFlight() ? closeAll() : List.of();
        }
        due.forEach(e -> send(e.getKey(), e.getValue(), Reason.ALL_WAITING));
    }

    /** A parked caller may submit again (it took its keys, or it gives up and leaves). */
    synchronized void resume() {
        parked = Math.max(0, parked - 1);
    }

    void submit(CallGroup group, PendingCall call) {
        List<PendingCall> full = null;
        List<PendingCall> previous = null;
        List<Map.Entry<CallGroup, List<PendingCall>>> rest = List.of();
        synchronized (this) {
            waiting++;
            Open current = open.get(group);
            if (current != null && !current.fits(group, call)) {
                previous = close(group, current);
                current = null;
            }
            if (current == null) {
                current = new Open();
                open.put(group, current);
                current.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis);
            }
            current.add(group, call);
            if (maxSize > 1 && windowMillis > 0) {
                // goes when no call joined for the quiet time, at the latest at the end of the window
                if (current.timer != null) {
                    current.timer.cancel(false);
                }
                Open scheduled = current;
                long delay = Math.min(TimeUnit.MILLISECONDS.toNanos(quietMillis), current.deadline - System.nanoTime());
                current.timer = timer.schedule(() -> expire(group, scheduled), Math.max(0, delay), TimeUnit.NANOSECONDS);
            }
            if (current.inputs.size() >= maxSize || maxSize == 1 || windowMillis == 0) {
                full = close(group, current);
            }
            if (waiting >= inFlight()) {
                // every caller in flight is waiting for an answer: nobody else can join, so nothing is gained by waiting
                rest = closeAll();
            }
        }
        send(group, previous, Reason.REPEATED_KEY);
        send(group, full, Reason.FULL);
        rest.forEach(e -> send(e.getKey(), e.getValue(), Reason.ALL_WAITING));
    }

    /** Callers that can submit now: the announced ones, no more than can run at once, less those parked on a lock. */
    private int inFlight() {
        return Math.max(0, Math.min(active, maxInFlight) - parked);
    }

    private List<Map.Entry<CallGroup, List<PendingCall>>> closeAll() {
        List<Map.Entry<CallGroup, List<PendingCall>>> all = new ArrayList<>();
        for (Map.Entry<CallGroup, Open> e : List.copyOf(open.entrySet())) {
            all.add(Map.entry(e.getKey(), close(e.getKey(), e.getValue())));
        }
        return all;
    }

    private void expire(CallGroup group, Open batch) {
        List<PendingCall> due;
        Reason reason;
        synchronized (this) {
            if (open.get(group) != batch) {
                return;
            }
            reason = System.nanoTime() >= batch.deadline ? Reason.WINDOW : Reason.QUIET;
            due = close(group, batch);
        }
        send(group, due, reason);
    }

    private List<PendingCall> close(CallGroup group, Open batch) {
        open.remove(group, batch);
        waiting -= batch.calls.size();
        if (batch.timer != null) {
            batch.timer.cancel(false);
        }
        return batch.calls;
    }

    private void send(CallGroup group, List<PendingCall> calls, Reason reason) {
        if (calls == null || calls.isEmpty()) {
            return;
        }
        sent.accept(reason, calls.size());
        senders.execute(() -> {
            try {
                sender.accept(group, calls);
            } catch (RuntimeException e) {
                calls.forEach(c -> c.answer.completeExceptionally(e));
            }
        });
    }

    /** The batch inputs a call adds: its keys, or for an association the one pair it names. */
    private static List<String> inputsOf(CallGroup group, PendingCall call) {
        return group.operation() == CallGroup.Operation.ASSOCIATE ? List.of(String.join("\u0000", call.keys)) : call.keys;
    }

    void shutdown() {
        timer.shutdownNow();
        senders.shutdown();
    }

    private final class Open {
        final List<PendingCall> calls = new ArrayList<>();
        final Set<String> inputs = new LinkedHashSet<>();
        ScheduledFuture<?> timer;
        long deadline;

        boolean fits(CallGroup group, PendingCall call) {
            List<String> mine = inputsOf(group, call);
            if ((group.operation() == CallGroup.Operation.UPSERT || group.operation() == CallGroup.Operation.CREATE_KEYED)
                    && mine.stream().anyMatch(inputs::contains)) {
                return false;
            }
            long added = mine.stream().filter(k -> !inputs.contains(k)).distinct().count();
            return inputs.size() + added <= maxSize;
        }

        void add(CallGroup group, PendingCall call) {
            calls.add(call);
            inputs.addAll(inputsOf(group, call));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
