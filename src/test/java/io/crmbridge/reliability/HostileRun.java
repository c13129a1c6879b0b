package io.crmbridge.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.crmbridge.testsupport.TestHttp;

/**
 * The hostile-input run (docs/reliability-runs.md): {@code requests} generated deliveries ({@link HostileRequests}) to a
 * running bridge. Every answer must be 202 or 4xx (counted by status and category; no 5xx, no dropped connection),
 * the process must stay up and ready, and every event answered 202 must reach a final status, with a reason unless
 * it is DONE or DUPLICATE.
 */
final class HostileRun {

    record Params(String size, int requests, int threads, int drainMinutes, long seed) {
        static Params of(String size) {
            int requests = switch (size) {
                case "full" -> 10000;
                case "quick" -> 1000;
                case "ci" -> 300;
                default -> throw new IllegalArgumentException("hostile run size: full, quick or ci, not " + size);
            };
            return new Params(size, ReliabilityRuns.intProp("hostile.requests", requests), ReliabilityRuns.intProp("hostile.threads", 8),
                    ReliabilityRuns.intProp("hostile.drain-minutes", "full".equals(size) ? 30 : 4), ReliabilityRuns.longProp("hostile.seed", 13));
        }
    }

    private final Params p;
    private final SandboxUnderTest sandbox;
    private final Path bridgeJar;
    private final Path workDir;
    private final RunReport report;

    HostileRun(Params p, SandboxUnderTest sandbox, Path bridgeJar, Path workDir) {
        this.p = p;
        this.sandbox = sandbox;
        this.bridgeJar = bridgeJar;
        this.workDir = workDir;
        this.report = new RunReport("hostile", p.size());
    }

    /** The run on a bridge of its own, started on a fresh data directory. */
    RunReport run() throws Exception {
        try (BridgeUnderTest bridge = new BridgeUnderTest(bridgeJar, workDir, sandbox, Map.of())) {
            bridge.startFresh();
            return run(bridge);
        }
    }

    /** The run on {@code bridge}, started; it may hold other runs' events (every check is on this run's), left running. */
    RunReport run(BridgeUnderTest bridge) throws Exception {
        report.put("params", p);
        report.put("sandbox", sandbox.where());
        sandbox.reset();
        try {
            bridge.provision();
            String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            HostileRequests generator = new HostileRequests(bridge.url(), tag);
            Map<String, Map<Integer, AtomicLong>> byCategory = new ConcurrentHashMap<>();
            Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
            List<String> accepted = Collections.synchronizedList(new ArrayList<>());
            List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());

            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(p.threads());
            Random random = new Random(p.seed());
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < p.requests(); i++) {
                HostileRequests.Request request;
                synchronized (random) {
                    request = generator.next(random, i);
                }
                sends.add(pool.submit(() -> {
                    TestHttp.Answer a = TestHttp.postBytes(bridge.url() + request.path(), request.headers(), request.body(),
                            TestHttp.DEFAULT_TIMEOUT);
                    byStatus.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
                    byCategory.computeIfAbsent(request.category(), c -> new ConcurrentHashMap<>())
                            .computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
                    if (a.status() == 202) {
                        accepted.add(a.json().path("eventId").asText());
                    } else if (a.status() < 400 || a.status() >= 500) {
                        if (wrongAnswers.size() < 20) {
                            wrongAnswers.add(request.category() + " -> " + a.status() + " " + abbreviate(a.body()));
                        }
                    }
                }));
            }
            for (Future<?> f : sends) {
                f.get();
            }
            pool.shutdown();
            report.put("requests", p.requests());
            report.put("sendSeconds", (System.nanoTime() - start) / 1_000_000_000L);
            report.put("byStatus", new TreeMap<>(counts(byStatus)));
            Map<String, Object> categories = new TreeMap<>();
            byCategory.forEach((c, m) -> categories.put(c, new TreeMap<>(counts(m))));
            report.put("byCategory", categories);
            List<String> unsent = generator.categories().stream().filter(c -> !categories.containsKey(c)).toList();
            report.check(unsent.isEmpty(), "kinds of request never sent: " + unsent);
            long wrong = byStatus.entrySet().stream().filter(e -> e.getKey() != 202 && (e.getKey() < 400 || e.getKey() >= 500))
                    .mapToLong(e -> e.getValue().get()).sum();
            report.put("answersNeither202Nor4xx", wrong);
            report.put("examplesOfWrongAnswers", wrongAnswers);
            report.check(wrong == 0, wrong + " answers were neither 202 nor 4xx: " + wrongAnswers);
            report.check(bridge.alive(), "the bridge process died");
            TestHttp.Answer ready = TestHttp.get(bridge.url() + "/q/health/ready", Map.of());
            report.put("readyAfterwards", ready.status());
            report.check(ready.status() == 200, "readiness after the run: " + ready.status() + " " + ready.body());

            report.put("accepted202", accepted.size());
            long drainStart = System.nanoTime();
            long deadline = drainStart + Duration.ofMinutes(p.drainMinutes()).toNanos();
            while (System.nanoTime() < deadline && bridge.unfinished(accepted) > 0) {
                CrashRun.sleep(250);
            }
            report.put("drainSeconds", (System.nanoTime() - drainStart) / 1_000_000_000L);
            Map<String, Long> statuses = bridge.statuses(accepted);
            report.put("acceptedStatuses", statuses);
            long unfinished = BridgeUnderTest.UNFINISHED.stream().mapToLong(s -> statuses.getOrDefault(s, 0L)).sum();
            report.put("unfinished", unfinished);
            report.check(unfinished == 0 && !statuses.containsKey("MISSING"), "accepted events not final: " + statuses);
            long unexplained = bridge.count("SELECT count(*) FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[])) "
                    + "AND status NOT IN ('DONE', 'DUPLICATE') AND coalesce(trim(last_error), '') = ''",
                    (Object) accepted.toArray(String[]::new));
            report.put("unexplained", unexplained);
            report.check(unexplained == 0, unexplained + " accepted events ended without a reason");
            report.put("reasons", bridge.query("SELECT status, left(last_error, 120) AS reason, count(*) AS n FROM raw_event "
                    + "WHERE event_id = ANY (CAST(? AS uuid[])) AND status NOT IN ('DONE', 'DUPLICATE') GROUP BY 1, 2 "
                    + "ORDER BY 3 DESC LIMIT 25", (Object) accepted.toArray(String[]::new)));
            report.check(bridge.alive(), "the bridge process died while processing");
        } finally {
            sandbox.reset();
        }
        return report;
    }

    private static Map<Integer, Long> counts(Map<Integer, AtomicLong> m) {
        Map<Integer, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
