package io.crmbridge.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmbridge.testsupport.TestHttp;

/**
 * The fault run (docs/reliability-runs.md): lead events against a CRM that fails a share of its calls (the run's figures,
 * over every CRM call): 20% answered 5xx, 10% answered 429, 5% timing out (held past the bridge's response timeout),
 * 5% served and committed and then their answer lost; access tokens expire every 5 s. At the end every event is
 * DONE, or REVIEW or DEAD with a reason; the faults are cleared, every open dead letter is replayed through the
 * admin API, and the replayed events end DONE; the CRM holds no duplicate.
 */
final class FaultRun {

    record Params(String size, int events, double serverErrors, double tooManyRequests, double timeouts,
            double lostResponses, int tokenLifetimeSeconds, int drainMinutes, long seed, int workers) {

        static Params of(String size) {
            int events = switch (size) {
                case "full" -> 1000;
                case "quick" -> 40;
                case "ci" -> 6;
                default -> throw new IllegalArgumentException("fault run size: full, quick or ci, not " + size);
            };
            // CI: every kind of fault at half the rate (each 429 pauses the connection for its Retry-After, 1 s, and
            // each hang holds a call for the 3 s timeout: at the full rates a dozen events took over two minutes)
            double share = "ci".equals(size) ? 0.5 : 1;
            return new Params(size, ReliabilityRuns.intProp("fault.events", events), 0.20 * share, 0.10 * share, 0.05 * share,
                    0.05,
                    ReliabilityRuns.intProp("fault.token-lifetime", 5), ReliabilityRuns.intProp("fault.drain-minutes",
                            "full".equals(size) ? 60 : 10), ReliabilityRuns.longProp("fault.seed", 5),
                    ReliabilityRuns.intProp("fault.workers", 0));
        }
    }

    /**
     * Every size runs the bridge's own claims and workers (100 each, the bulk path's group size): the run posts its
     * events at once, and the events in flight share their calls. With 4 workers (the defaults before) every event
     * made its own dozen calls, 10% of them answered 429 and each 429 pausing the connection for a second: 541 of the
     * full run's 1,000 events were DONE after 60 minutes. {@code -Dfault.workers=N} runs N workers claiming N events.
     */
    /** The bridge gives up on a CRM call after this; the sandbox's hang holds an answer a little longer. */
    static final long RESPONSE_TIMEOUT_MS = 3000;

    /**
     * Retries as the tests run them (a failed call again after 100 ms doubling up to 2 s, an event again after 500 ms
     * up to 5 s, 429 pauses over 2 s sent back to the queue) instead of production's 0.5-30 s and 2 s-5 min: with
     * 40% of calls failing, production pacing makes a run of minutes one of hours; what is counted does not change.
     */
    static final Map<String, String> SETTINGS = Map.of("crmbridge.crm.response-timeout", Long.toString(RESPONSE_TIMEOUT_MS),
            "crmbridge.retry.initial-delay", "100", "crmbridge.retry.max-delay", "2000",
            "crmbridge.dispatch.retry-delay", "500ms", "crmbridge.dispatch.max-retry-delay", "5s",
            "crmbridge.crm-call.max-pause-wait", "2s", "crmbridge.dispatch.period", "200",
            // the run is about the outbound queue: a poller under the same faults only adds connection-wide 429 pauses
            "crmbridge.connections.hubspot.poll.enabled", "false");

    private final Params p;
    private final SandboxUnderTest sandbox;
    private final Path bridgeJar;
    private final Path workDir;
    private final RunReport report;

    FaultRun(Params p, SandboxUnderTest sandbox, Path bridgeJar, Path workDir) {
        this.p = p;
        this.sandbox = sandbox;
        this.bridgeJar = bridgeJar;
        this.workDir = workDir;
        this.report = new RunReport("fault", p.size());
    }

    /**
     * The sandbox decides per request in this order: hang, else an error status, else a lost answer. The rates are
     * conditioned so the shares of all requests are the run's (5% hang, 30% errors of which one third 429, 5% lost).
     */
    Map<String, Object> faults() {
        double errors = (p.serverErrors() + p.tooManyRequests()) / (1 - p.timeouts());
        double lost = p.lostResponses() / ((1 - p.timeouts()) * (1 - errors));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("pathPattern", "/crm/.*");
        rule.put("hangRate", p.timeouts());
        rule.put("errorRate", errors);
        // 20% : 10%, statuses picked at random
        rule.put("statuses", List.of(500, 502, 503, 504, 429, 429));
        rule.put("lostResponseRate", lost);
        rule.put("lostResponse", "502|drop");
        return Map.of("seed", p.seed(), "maxHangMillis", RESPONSE_TIMEOUT_MS + 1000, "rules", List.of(rule));
    }

    /**
     * The bridge's settings for this run: {@link #SETTINGS}, and with workers (above 0) that many workers claiming that
     * many events at a time, with a datasource pool to match.
     */
    Map<String, String> settings() {
        Map<String, String> all = new LinkedHashMap<>(SETTINGS);
        if (p.workers() > 0) {
            all.put("crmbridge.dispatch.workers", Integer.toString(p.workers()));
            all.put("crmbridge.dispatch.batch-size", Integer.toString(p.workers()));
            all.put("quarkus.datasource.jdbc.max-size", Integer.toString(Math.max(30, p.workers() * 6 / 10)));
        }
        return all;
    }

    /** The run on a bridge of its own ({@link #settings()}), started on a fresh data directory. */
    RunReport run() throws Exception {
        try (BridgeUnderTest bridge = new BridgeUnderTest(bridgeJar, workDir, sandbox, settings())) {
            bridge.startFresh();
            return run(bridge);
        }
    }

    /**
     * The run on {@code bridge}, started with {@link #SETTINGS}; it may hold other runs' events (every check is on this
     * run's events and their dead letters), and is left running.
     */
    RunReport run(BridgeUnderTest bridge) throws Exception {
        report.put("params", p);
        report.put("sandbox", sandbox.where());
        sandbox.reset();
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        LeadTraffic traffic = new LeadTraffic("fault" + tag, p.events());
        try {
            bridge.provision();
            sandbox.control("PUT", "/oauth/settings", Map.of("accessTokenLifetimeSeconds", p.tokenLifetimeSeconds()))
                    .expectOk("token lifetime");
            sandbox.control("DELETE", "/counters", null);
            sandbox.control("PUT", "/faults", faults()).expectOk("faults");
            report.put("faults", faults());

            traffic.postAll(bridge::url, 4);
            report.put("events", traffic.events);
            report.put("accepted202", traffic.accepted.size());
            long start = System.nanoTime();
            awaitFinal(bridge, traffic.accepted, Duration.ofMinutes(p.drainMinutes()));
            report.put("finishSeconds", (System.nanoTime() - start) / 1_000_000_000L);
            report.put("crmAnswersUnderFaults", answersByStatus());

            Map<String, Long> statuses = bridge.statuses(traffic.accepted);
            report.put("statusesUnderFaults", statuses);
            long unfinished = BridgeUnderTest.UNFINISHED.stream().mapToLong(s -> statuses.getOrDefault(s, 0L)).sum();
            report.check(unfinished == 0 && !statuses.containsKey("MISSING"),
                    "events not final (or not stored) under faults: " + statuses);
            long unexplained = bridge.count("SELECT count(*) FROM raw_event WHERE event_id = ANY (CAST(? AS uuid[])) "
                    + "AND status NOT IN ('DONE', 'DUPLICATE') AND coalesce(trim(last_error), '') = ''",
                    (Object) traffic.accepted.toArray(String[]::new));
            report.put("unexplained", unexplained);
            report.check(unexplained == 0, unexplained + " events neither DONE nor explained by a reason");
            report.put("reasons", bridge.query("SELECT status, left(last_error, 160) AS reason, count(*) AS n FROM raw_event "
                    + "WHERE event_id = ANY (CAST(? AS uuid[])) AND status NOT IN ('DONE', 'DUPLICATE') GROUP BY 1, 2 "
                    + "ORDER BY 3 DESC LIMIT 20", (Object) traffic.accepted.toArray(String[]::new)));

            // the CRM works again: replay every open dead letter
            sandbox.control("DELETE", "/faults", null).expectOk("clear faults");
            replayDeadLetters(bridge, traffic.accepted);

            Map<String, Long> after = bridge.statuses(traffic.accepted);
            report.put("statusesAfterReplay", after);
            long openDeadLetters = bridge.count("SELECT count(*) FROM dead_letter WHERE replayed_at IS NULL AND resolution IS NULL "
                    + "AND event_id = ANY (CAST(? AS uuid[]))", (Object) traffic.accepted.toArray(String[]::new));
            report.put("openDeadLettersAfterReplay", openDeadLetters);
            report.check(openDeadLetters == 0, openDeadLetters + " dead letters left after replay");
            report.check(after.getOrDefault("DEAD", 0L) == 0, "events still DEAD after replay: " + after);

            Map<String, Long> doneByEmail = new LinkedHashMap<>();
            for (Map<String, Object> row : bridge.query("SELECT convert_from(body, 'UTF8')::jsonb ->> 'email' AS email, "
                    + "count(*) AS n FROM raw_event WHERE status = 'DONE' AND event_id = ANY (CAST(? AS uuid[])) GROUP BY 1",
                    (Object) traffic.accepted.toArray(String[]::new))) {
                doneByEmail.put((String) row.get("email"), ((Number) row.get("n")).longValue());
            }
            Map<String, Object> crm = new CrmAudit(sandbox).leads(traffic, doneByEmail);
            report.put("crm", crm);
            report.put("duplicates", crm.get("duplicates"));
            report.check(((Number) crm.get("duplicates")).longValue() == 0, "duplicates in the CRM: " + crm);
            report.check(bridge.alive(), "the bridge died");
        } finally {
            sandbox.reset();
        }
        return report;
    }

    private void replayDeadLetters(BridgeUnderTest bridge, List<String> events) {
        long replayed = 0;
        for (int round = 0; round < 3; round++) {
            List<Map<String, Object>> open = bridge.query("SELECT id FROM dead_letter WHERE replayed_at IS NULL "
                    + "AND resolution IS NULL AND event_id = ANY (CAST(? AS uuid[])) ORDER BY id", (Object) events.toArray(String[]::new));
            if (open.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : open) {
                TestHttp.Answer a = bridge.admin("POST", "/admin/dead-letters/" + row.get("id") + "/replay");
                report.check(a.ok(), "replay of dead letter " + row.get("id") + " answered " + a.status() + ": " + a.body());
                replayed++;
            }
            awaitFinal(bridge, events, Duration.ofMinutes(p.drainMinutes()));
        }
        report.put("deadLettersReplayed", replayed);
    }

    private static void awaitFinal(BridgeUnderTest bridge, List<String> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && bridge.unfinished(ids) > 0) {
            CrashRun.sleep(250);
        }
    }

    /** The sandbox's request counters summed by status. */
    private Map<String, Long> answersByStatus() {
        Map<String, Long> out = new java.util.TreeMap<>();
        JsonNode counters = sandbox.control("GET", "/counters", null).json();
        counters.findParents("status").forEach(c -> out.merge(c.path("status").asText(), c.path("count").asLong(), Long::sum));
        return out;
    }
}
