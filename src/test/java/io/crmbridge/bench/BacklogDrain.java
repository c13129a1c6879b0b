package io.crmbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import io.crmbridge.testsupport.AppProcess;
import io.crmbridge.testsupport.TestHttp;

/**
 * A backlog of lead events drained by the bridge through the CRM's rate limit: {@code events} lead events are posted
 * to the bridge's webhook at once, and the clock runs from the first post until every one is in a final status (or
 * until {@code cap}). The sandbox counts the CRM calls served in that time; the floor is those calls divided by the
 * rate, so {@code seconds / floor} says how much of the allowed rate the bridge used.
 */
final class BacklogDrain {

    static final Set<String> FINAL = Set.of("DONE", "DUPLICATE", "SKIPPED", "REJECTED", "REVIEW", "DEAD");

    private BacklogDrain() {
    }

    static Result run(AppProcess bridge, CrmSandbox crm, BenchPostgres db, String jdbcUrl, String run, int events,
            Duration cap, double requestsPerSecond) {
        // events stored before this run (all final by now) are not this run's
        Map<String, Long> before = db.eventStatuses(jdbcUrl);
        crm.resetCounters();
        long start = System.nanoTime();
        AtomicLong lastAccepted = new AtomicLong(start);
        // The backlog arrives at once: posted by 16 senders (each event answered 202 before the next).
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String body = LeadEvents.lead("drain-" + run + "-" + i);
                posted.add(senders.submit(() -> {
                    TestHttp.post(bridge.url("/events/webform"), TestHttp.bearer(LeadEvents.SOURCE_SECRET), body).expect(202);
                    lastAccepted.accumulateAndGet(System.nanoTime(), Math::max);
                }));
            }
            for (Future<?> f : posted) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("posting the backlog failed", e);
        } finally {
            senders.shutdown();
        }
        long deadline = start + cap.toNanos();
        Map<String, Long> statuses = since(before, db.eventStatuses(jdbcUrl));
        while (finished(statuses) < events && System.nanoTime() < deadline) {
            AppProcess.pause(100);
            statuses = since(before, db.eventStatuses(jdbcUrl));
        }
        long end = System.nanoTime();
        CrmSandbox.Calls calls = crm.calls();
        return new Result(events, finished(statuses), statuses.getOrDefault("DONE", 0L), (end - start) / 1e9,
                (end - lastAccepted.get()) / 1e9, calls, requestsPerSecond, statuses);
    }

    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> now) {
        Map<String, Long> diff = new TreeMap<>();
        now.forEach((status, n) -> {
            long added = n - before.getOrDefault(status, 0L);
            if (added != 0) {
                diff.put(status, added);
            }
        });
        return diff;
    }

    private static long finished(Map<String, Long> statuses) {
        return statuses.entrySet().stream().filter(e -> FINAL.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * {@code seconds} is the drain time when {@code finished == events}, else the cap: then the figures hold for the
     * part drained and the time for all is extrapolated from it. {@code afterLastPost}: from the last 202 to the end.
     */
    record Result(int events, long finished, long done, double seconds, double afterLastPost, CrmSandbox.Calls calls,
            double rate, Map<String, Long> statuses) {

        boolean complete() {
            return finished == events;
        }

        double callsPerEvent() {
            return finished == 0 ? Double.NaN : (double) calls.answered() / finished;
        }

        /** The floor for what was drained: the calls it took at the CRM's rate. */
        double floorSeconds() {
            return calls.answered() / rate;
        }

        double ratioToFloor() {
            return seconds / floorSeconds();
        }

        /** Time for {@code n} events at the measured pace. */
        double secondsFor(int n) {
            return finished == 0 ? Double.NaN : seconds * n / finished;
        }

        double floorFor(int n) {
            return callsPerEvent() * n / rate;
        }
    }
}
