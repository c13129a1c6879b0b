package io.crmbridge.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import io.crmbridge.testsupport.TestHttp;

/**
 * The crash run (docs/reliability-runs.md; size lost-answers is its lost-answers variant): the sandbox and the bridge each in their own
 * process, {@code outbound} lead events posted to the bridge's webhook (resent until answered 202, as a sender does)
 * while {@code inbound} records are created in the CRM for the poller to drain into the intake table, and the
 * bridge SIGKILLed {@code kills} times at random moments ({@code killMin..killMax} seconds after each start) and
 * started again on the same durable data directory. At the end: every accepted (202) event stored and in a final
 * status, the CRM checked for duplicates ({@link CrmAudit}), every inbound record in the intake exactly once.
 */
final class CrashRun {

    record Params(String size, int outbound, int inbound, int inboundPerSecond, int kills, int killMinSeconds,
            int killMaxSeconds, double lostResponseRate, long searchLagMillis, int drainMinutes, long seed) {

        static Params of(String size) {
            Params p = switch (size) {
                case "full" -> new Params(size, 5000, 10000, 50, 10, 15, 45, 0, 0, 60, 12);
                case "lost-answers" -> new Params(size, 500, 0, 0, 3, 8, 20, 0.15, 2000, 20, 10);
                case "quick" -> new Params(size, 200, 300, 100, 2, 4, 8, 0.05, 0, 4, 2);
                // CI: one kill as soon as events are being worked on (kill-min = kill-max = 0), while leads are still sent
                case "ci" -> new Params(size, 40, 60, 50, 1, 0, 0, 0.05, 0, 3, 2);
                default -> throw new IllegalArgumentException("crash run size: full, lost-answers, quick or ci, not " + size);
            };
            return new Params(size, ReliabilityRuns.intProp("crash.outbound", p.outbound),
                    ReliabilityRuns.intProp("crash.inbound", p.inbound),
                    ReliabilityRuns.intProp("crash.inbound-per-second", p.inboundPerSecond),
                    ReliabilityRuns.intProp("crash.kills", p.kills), ReliabilityRuns.intProp("crash.kill-min", p.killMinSeconds),
                    ReliabilityRuns.intProp("crash.kill-max", p.killMaxSeconds),
                    ReliabilityRuns.doubleProp("crash.lost-responses", p.lostResponseRate),
                    ReliabilityRuns.longProp("crash.search-lag-ms", p.searchLagMillis), ReliabilityRuns.intProp("crash.drain-minutes",
                            p.drainMinutes), ReliabilityRuns.longProp("crash.seed", p.seed));
        }
    }

    private final Params p;
    private final SandboxUnderTest sandbox;
    private final Path bridgeJar;
    private final Path workDir;
    private final RunReport report;

    CrashRun(Params p, SandboxUnderTest sandbox, Path bridgeJar, Path workDir) {
        this.p = p;
        this.sandbox = sandbox;
        this.bridgeJar = bridgeJar;
        this.workDir = workDir;
        this.report = new RunReport("crash", p.size());
    }

    /** The run on a bridge of its own, started on a fresh data directory. */
    RunReport run() throws Exception {
        try (BridgeUnderTest bridge = new BridgeUnderTest(bridgeJar, workDir, sandbox, Map.of())) {
            bridge.startFresh();
            return run(bridge);
        }
    }

    /** The run on {@code bridge}, started (default settings); it is killed and started again, and left running. */
    RunReport run(BridgeUnderTest bridge) throws Exception {
        report.put("params", p);
        report.put("sandbox", sandbox.where());
        sandbox.reset();
        if (p.lostResponseRate() > 0) {
            sandbox.control("PUT", "/faults", Map.of("seed", p.seed(), "rules", List.of(
                    lost("POST", "/crm/v3/objects/[a-z]+(/batch/(upsert|create|update))?"), lost("PATCH", "/crm/v3/objects/.*"),
                    lost("PUT", "/crm/v4/objects/.*")))).expectOk("faults");
        }
        if (p.searchLagMillis() > 0) {
            sandbox.control("PUT", "/search/index-lag", Map.of("lagMillis", p.searchLagMillis())).expectOk("index lag");
        }
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        LeadTraffic traffic = new LeadTraffic("crash" + tag, p.outbound());
        try {
            bridge.provision();
            report.log("bridge up at " + bridge.url() + ", log " + bridge.log());

            ExecutorService background = Executors.newFixedThreadPool(2);
            List<String> inboundIds = Collections.synchronizedList(new ArrayList<>());
            Future<?> posting = background.submit(() -> {
                traffic.postAll(bridge::url, 4);
                return null;
            });
            Future<?> feeding = background.submit(() -> feedInbound(tag, inboundIds));

            List<Map<String, Object>> kills = killRepeatedly(bridge, posting, feeding);
            posting.get();
            feeding.get();
            background.shutdown();
            report.put("kills", kills.size());
            report.put("killsWithWorkInFlight", kills.stream().filter(k -> (Boolean) k.get("workInFlight")).count());
            report.put("killLog", kills);
            // The events in flight at a SIGKILL are taken again within 30 s of the restart (not after their
            // lease); how soon each is begun again depends on the workers' pace (a kill strands up to workers + one
            // batch claimed, and the workers begin them in turn), so that is reported, not checked
            List<Object> takenBack = kills.stream().map(k -> k.get("secondsUntilThoseEventsTakenBack")).toList();
            report.put("secondsUntilInFlightEventsTakenBack", takenBack);
            report.put("secondsUntilInFlightEventsBegunAgain",
                    kills.stream().map(k -> k.get("secondsUntilThoseEventsBegunAgain")).toList());
            report.check(takenBack.stream().allMatch(t -> t instanceof Double d && d >= 0 && d <= 30),
                    "events in flight at a kill not taken back within 30 s of the restart: " + takenBack);

            drain(bridge, traffic.accepted, inboundIds);
            audit(bridge, traffic, inboundIds);
        } finally {
            sandbox.reset();
        }
        return report;
    }

    private Map<String, Object> lost(String method, String pathPattern) {
        return Map.of("method", method, "pathPattern", pathPattern, "lostResponseRate", p.lostResponseRate(),
                "lostResponse", "502|drop");
    }

    /** Creates the inbound records (a person adding contacts in the CRM), at most inboundPerSecond. */
    private Void feedInbound(String tag, List<String> ids) {
        long start = System.nanoTime();
        for (int i = 0; i < p.inbound(); i++) {
            Map<String, Object> props = Map.of("email", "inbound-" + tag + "-" + i + "@example.org", "firstname", "Inbound",
                    "lastname", "Record " + i);
            TestHttp.Answer a = sandbox.control("POST", "/objects/contacts", Map.of("properties", props))
                    .expectOk("insert inbound record");
            ids.add(a.json().path("id").asText());
            long due = start + (long) ((i + 1) * 1e9 / Math.max(1, p.inboundPerSecond()));
            long wait = (due - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                sleep(wait);
            }
        }
        return null;
    }

    private List<Map<String, Object>> killRepeatedly(BridgeUnderTest bridge, Future<?> posting, Future<?> feeding) {
        Random random = new Random(p.seed());
        List<Map<String, Object>> kills = new ArrayList<>();
        List<CompletableFuture<Void>> watchers = new ArrayList<>();
        for (int k = 1; k <= p.kills(); k++) {
            int upSeconds = p.killMinSeconds() + random.nextInt(Math.max(1, p.killMaxSeconds() - p.killMinSeconds() + 1));
            sleep(upSeconds * 1000L);
            awaitWorkInFlight(bridge, posting, feeding);
            List<Map<String, Object>> held = bridge.query("SELECT event_id::text AS id, claimed_by, attempts FROM raw_event "
                    + "WHERE status = 'PROCESSING'");
            List<String> processing = ids(held);
            long unfinished = bridge.count("SELECT count(*) FROM raw_event WHERE status IN ('QUEUED', 'PROCESSING', 'WAITING')");
            boolean sending = !posting.isDone() || !feeding.isDone();
            bridge.kill();
            long killedAt = System.nanoTime();
            bridge.start();
            double restartSeconds = (System.nanoTime() - killedAt) / 1e9;
            Map<String, Object> kill = Collections.synchronizedMap(new LinkedHashMap<>());
            kill.put("kill", k);
            kill.put("afterSeconds", upSeconds);
            kill.put("eventsProcessing", processing.size());
            kill.put("eventsUnfinished", unfinished);
            kill.put("stillSending", sending);
            kill.put("workInFlight", unfinished > 0 || sending);
            kill.put("restartSeconds", Math.round(restartSeconds * 10) / 10.0);
            kills.add(kill);
            report.log("kill " + k + ": " + kill);
            long readyAt = System.nanoTime();
            watchers.add(CompletableFuture.runAsync(() -> kill.put("secondsUntilThoseEventsTakenBack",
                    secondsUntil(bridge, held, NOT_TAKEN_BACK, readyAt))));
            watchers.add(CompletableFuture.runAsync(() -> kill.put("secondsUntilThoseEventsBegunAgain",
                    secondsUntil(bridge, held, NOT_BEGUN_AGAIN, readyAt))));
            watchers.add(CompletableFuture.runAsync(() -> kill.put("secondsUntilThoseEventsFinal",
                    secondsUntilFinal(bridge, processing, readyAt))));
        }
        watchers.forEach(CompletableFuture::join);
        return kills;
    }

    /**
     * Until the bridge is working on an event (one is PROCESSING), so that the kill strands work; at most 60 s, and
     * not at all once everything sent is finished.
     */
    private static void awaitWorkInFlight(BridgeUnderTest bridge, Future<?> posting, Future<?> feeding) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (bridge.count("SELECT count(*) FROM raw_event WHERE status = 'PROCESSING'") > 0
                    || posting.isDone() && feeding.isDone()
                            && bridge.count("SELECT count(*) FROM raw_event WHERE status IN ('QUEUED', 'WAITING')") == 0) {
                return;
            }
            sleep(50);
        }
    }

    /** Not yet taken back: still PROCESSING under the killed run that held it at the kill. */
    static final String NOT_TAKEN_BACK = "r.claimed_by = k.holder";
    /** Not yet begun again: not taken back, or taken back but no worker of the new run began it (attempts as then). */
    static final String NOT_BEGUN_AGAIN = "(r.claimed_by = k.holder OR r.attempts <= k.attempts)";

    /**
     * Seconds from {@code readyAt} until no event in flight at the kill ({@code held}: its id, the killed run that
     * held it and its attempts then) is PROCESSING and {@code notYet} (over {@code r}, the event's row, and {@code k},
     * what it was at the kill): an event that left PROCESSING (final, or back in the queue after an attempt of the new
     * run) counts as done. -1 if not within 5 minutes.
     */
    private static double secondsUntil(BridgeUnderTest bridge, List<Map<String, Object>> held, String notYet, long readyAt) {
        String[] ids = held.stream().map(r -> (String) r.get("id")).toArray(String[]::new);
        String[] holders = held.stream().map(r -> String.valueOf(r.get("claimed_by"))).toArray(String[]::new);
        Integer[] attempts = held.stream().map(r -> ((Number) r.get("attempts")).intValue()).toArray(Integer[]::new);
        return held.isEmpty() ? 0 : secondsUntil(readyAt, 100, () -> bridge.count("SELECT count(*) FROM raw_event r "
                + "JOIN unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int[])) AS k(id, holder, attempts) "
                + "ON r.event_id = k.id WHERE r.status = 'PROCESSING' AND " + notYet,
                (Object) ids, (Object) holders, (Object) attempts) == 0);
    }

    /** Seconds from {@code readyAt} until the events in flight at the kill are final; -1 if not within 5 minutes. */
    private static double secondsUntilFinal(BridgeUnderTest bridge, List<String> ids, long readyAt) {
        return ids.isEmpty() ? 0 : secondsUntil(readyAt, 250, () -> bridge.unfinished(ids) == 0);
    }

    /**
     * Seconds (to a tenth) from {@code readyAt} until {@code done} holds, asked every {@code pollMillis}; -1 if not
     * within 5 minutes. A query that fails (the bridge and its database are being killed again) is asked again.
     */
    private static double secondsUntil(long readyAt, long pollMillis, BooleanSupplier done) {
        long deadline = readyAt + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (done.getAsBoolean()) {
                    return Math.round((System.nanoTime() - readyAt) / 1e8) / 10.0;
                }
            } catch (RuntimeException e) {
                // the bridge (and its database) is being killed again: look again
            }
            sleep(pollMillis);
        }
        return -1;
    }

    private void drain(BridgeUnderTest bridge, List<String> accepted, List<String> inboundIds) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(p.drainMinutes()).toNanos();
        long lastLog = 0;
        while (System.nanoTime() < deadline) {
            long unfinished = bridge.unfinished(accepted);
            long undelivered = inboundIds.size() - delivered(bridge, inboundIds).size();
            if (unfinished == 0 && undelivered == 0) {
                break;
            }
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                report.log("draining: " + unfinished + " events unfinished, " + undelivered + " inbound records undelivered");
                lastLog = System.nanoTime();
            }
            sleep(250);
        }
        report.put("drainSecondsAfterLastRestart", (System.nanoTime() - start) / 1_000_000_000L);
    }

    private void audit(BridgeUnderTest bridge, LeadTraffic traffic, List<String> inboundIds) {
        // outbound: every 202 stored, every stored event final, nothing written twice
        Map<String, Long> statuses = bridge.statuses(traffic.accepted);
        report.put("outboundEvents", traffic.events);
        report.put("outboundAccepted202", traffic.accepted.size());
        report.put("outboundDeliveriesSent", traffic.deliveries.get());
        report.put("outboundStatuses", statuses);
        long lost = statuses.getOrDefault("MISSING", 0L);
        long unfinished = BridgeUnderTest.UNFINISHED.stream().mapToLong(s -> statuses.getOrDefault(s, 0L)).sum();
        report.put("outboundLost", lost);
        report.put("outboundUnfinished", unfinished);
        report.check(lost == 0, lost + " events answered 202 are not stored");
        report.check(unfinished == 0, unfinished + " accepted events not in a final status");
        report.check(statuses.getOrDefault("DONE", 0L) + statuses.getOrDefault("DUPLICATE", 0L) == traffic.accepted.size(),
                "accepted events not all DONE or DUPLICATE: " + statuses);
        // one note per event sent: an accepted event ends DUPLICATE when an earlier delivery of it (its 202 lost in a
        // kill, so not among the accepted) was stored too and ended DONE; both share one note (keyed by the event)
        Map<String, Long> doneByEmail = new LinkedHashMap<>();
        for (Map<String, Object> row : bridge.query("SELECT convert_from(body, 'UTF8')::jsonb ->> 'email' AS email, count(*) AS n "
                + "FROM raw_event WHERE status IN ('DONE', 'DUPLICATE') AND event_id = ANY (CAST(? AS uuid[])) GROUP BY 1",
                (Object) traffic.accepted.toArray(String[]::new))) {
            doneByEmail.put((String) row.get("email"), ((Number) row.get("n")).longValue());
        }
        Map<String, Object> crm = new CrmAudit(sandbox).leads(traffic, doneByEmail);
        report.put("crm", crm);
        report.check(((Number) crm.get("duplicates")).longValue() == 0, "duplicates in the CRM: " + crm);
        report.check(((Number) crm.get("missingContacts")).longValue() == 0
                && ((Number) crm.get("missingCompanies")).longValue() == 0 && ((Number) crm.get("missingNotes")).longValue() == 0,
                "records missing in the CRM: " + crm);
        report.check(((Number) crm.get("contactsWithWrongCompany")).longValue() == 0
                && ((Number) crm.get("dealsWithWrongLinks")).longValue() == 0, "associations wrong in the CRM: " + crm);

        // inbound: every record created in the CRM in the intake exactly once
        Map<String, Long> rows = delivered(bridge, inboundIds);
        long missing = inboundIds.stream().filter(id -> !rows.containsKey(id)).count();
        long twice = rows.values().stream().mapToLong(n -> n - 1).sum();
        report.put("inboundRecords", inboundIds.size());
        report.put("inboundDelivered", rows.size());
        report.put("inboundMissing", missing);
        report.put("inboundDuplicated", twice);
        // rows for records nobody but the bridge wrote: its own writes read back (echoes the loop guard let through)
        Map<String, Long> other = new LinkedHashMap<>();
        for (Map<String, Object> row : bridge.query("SELECT object, count(*) AS n FROM intake_outbox WHERE NOT (object = 'contacts' "
                + "AND record_id = ANY (?)) GROUP BY object ORDER BY object", (Object) inboundIds.toArray(String[]::new))) {
            other.put((String) row.get("object"), ((Number) row.get("n")).longValue());
        }
        report.put("intakeRowsForBridgeWrittenRecords", other);
        report.check(missing == 0, missing + " inbound records never reached the intake");
        report.check(twice == 0, twice + " inbound records reached the intake more than once");
        report.put("lost", lost + missing);
        report.put("duplicated", ((Number) crm.get("duplicates")).longValue() + twice);
    }

    private static Map<String, Long> delivered(BridgeUnderTest bridge, List<String> ids) {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> snapshot;
        synchronized (ids) {
            snapshot = List.copyOf(ids);
        }
        if (snapshot.isEmpty()) {
            return out;
        }
        for (Map<String, Object> row : bridge.query("SELECT record_id, count(*) AS n FROM intake_outbox WHERE object = 'contacts' "
                + "AND record_id = ANY (?) GROUP BY record_id", (Object) snapshot.toArray(String[]::new))) {
            out.put((String) row.get("record_id"), ((Number) row.get("n")).longValue());
        }
        return out;
    }

    private static List<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("id")).toList();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
