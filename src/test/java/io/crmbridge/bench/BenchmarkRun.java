package io.crmbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import io.crmbridge.testsupport.AppProcess;
import io.crmbridge.testsupport.TestHttp;

/**
 * The benchmark table's run, in one process with the CRM sandbox reachable over HTTP: the naive baseline against the
 * sandbox, then the bridge as its own process (the packaged application, with the JVM settings the README
 * recommends) on a PostgreSQL of the harness's own: start to ready, resident memory, webhook ingress at 200
 * concurrent senders, a backlog drained through the rate limit; the outbound bulk and inbound drain figures come
 * from their own benchmarks' JSON files ({@link OtherBenchmarks}). Sizes: {@link Sizes}.
 */
final class BenchmarkRun {

    /** The JVM settings the README recommends for the bridge (README "Running it"; kubernetes/deployment.yaml). */
    static final List<String> RECOMMENDED_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");
    static final String ADMIN_TOKEN = "bench-admin-token";
    /** The CRM's limit the backlog drains through: HubSpot private apps, 100 requests per 10 s. */
    static final int RATE_REQUESTS = 100;
    static final long RATE_WINDOW_MILLIS = 10_000;
    static final int BACKLOG = 10_000;
    /** A web form's burst: 300 leads posted by 16 senders at once. */
    static final int BURST = 300;

    record Sizes(boolean quick, int naiveEvents, int naiveWorkers, int drainEvents, Duration drainCap, int concurrency,
            Duration warmup, Duration measured, Duration idleSettle, int burstEvents, int loneEvents) {

        static Sizes fromSystemProperties() {
            boolean quick = Boolean.getBoolean("bench.quick") || "".equals(System.getProperty("bench.quick"));
            return quick
                    ? new Sizes(true, Integer.getInteger("bench.naive.events", 10), 4, Integer.getInteger("bench.drain.events", 5),
                            Duration.ofSeconds(Long.getLong("bench.drain.cap-seconds", 120)), 200, Duration.ofSeconds(1),
                            Duration.ofSeconds(Long.getLong("bench.ingress.seconds", 2)), Duration.ofSeconds(1),
                            Integer.getInteger("bench.burst.events", 20), 2)
                    : new Sizes(false, Integer.getInteger("bench.naive.events", 10_000), 8,
                            Integer.getInteger("bench.drain.events", BACKLOG),
                            Duration.ofSeconds(Long.getLong("bench.drain.cap-seconds", 900)), 200, Duration.ofSeconds(10),
                            Duration.ofSeconds(Long.getLong("bench.ingress.seconds", 30)), Duration.ofSeconds(15),
                            Integer.getInteger("bench.burst.events", BURST), 5);
        }
    }

    private final CrmSandbox crm;
    private final Path bridgeJar;
    private final Path workDir;
    private final Sizes sizes;
    private final ResultTable table = new ResultTable();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final List<String> jvm;

    BenchmarkRun(CrmSandbox crm, Path bridgeJar, Path workDir, Sizes sizes) {
        this.crm = crm;
        this.bridgeJar = bridgeJar;
        this.workDir = workDir;
        this.sizes = sizes;
        String override = System.getProperty("bench.jvm");
        this.jvm = override == null || override.isBlank() ? RECOMMENDED_JVM : List.of(override.trim().split("\\s+"));
    }

    ResultTable run() throws Exception {
        Instant started = Instant.now();
        Machine.describe(table.run(), sizes.quick(), started, bridgeJar, jvm);
        // Quick mode (speeds printed, not kept): the harness's PostgreSQL starts while the naive baseline runs.
        CompletableFuture<BenchPostgres> starting = sizes.quick()
                ? CompletableFuture.supplyAsync(() -> BenchPostgres.start(workDir.resolve("postgres"))) : null;
        Naive naive = naive();
        try (BenchPostgres pg = starting != null ? starting.join() : BenchPostgres.start(workDir.resolve("postgres"))) {
            String url = pg.createDatabase("bridge");
            long first = drain(pg, url, naive);
            startAndIngress(url, first);
        }
        OtherBenchmarks.fill(table, naive.full(), naive.contactOnly(), started);
        return table;
    }

    // --- naive baseline ---------------------------------------------------------------------------------------

    record Naive(NaiveIntegration.Result full, NaiveIntegration.Result contactOnly) {
    }

    private Naive naive() {
        crm.unlimited();
        NaiveIntegration client = new NaiveIntegration(crm, run);
        Duration budget = Duration.ofSeconds(Long.getLong("bench.naive.budget-seconds", sizes.quick() ? 60 : 240));
        NaiveIntegration.Result full = client.fullLeads(sizes.naiveEvents(), sizes.naiveWorkers(), budget);
        NaiveIntegration.Result solo = client.contactsOnly(sizes.naiveEvents(), sizes.naiveWorkers(), budget);
        System.out.printf("naive: %d full lead events in %.1f s, %.2f calls/event; %d contact-only, %.2f calls/event%n",
                full.events(), full.seconds(), full.callsPerEvent(), solo.events(), solo.callsPerEvent());
        return new Naive(full, solo);
    }

    // --- start to ready, memory, ingress -----------------------------------------------------------------------

    /** The second start, on the database the first start (the drain's) created: start to ready, memory, ingress. */
    private void startAndIngress(String url, long firstStartMillis) {
        String row = "start_and_memory";
        String title = "Start to ready, resident memory (" + String.join(" ", jvm) + ")";
        long first = firstStartMillis;
        crm.rateLimit(RATE_REQUESTS, RATE_WINDOW_MILLIS);
        try (AppProcess bridge = bridge(url, "second")) {
            long second = bridge.awaitOk(bridge.url("/q/health/ready"), Duration.ofSeconds(120));
            table.figure(row, title, "ready_seconds_external_db", "start to ready, database already running and migrated",
                    second / 1000.0, "%.2f s", ResultTable.Target.atMost(3, "≤ 3 s"), null);
            table.figure(row, title, "ready_seconds_first_start", "start to ready, first start (Flyway creates the schema)",
                    first / 1000.0, "%.2f s", null, null);
            AppProcess.pause(sizes.idleSettle().toMillis());
            table.figure(row, title, "rss_idle_mib", "resident memory at idle (" + sizes.idleSettle().toSeconds()
                    + " s after ready)", bridge.rssMiB(), "%.0f MiB", ResultTable.Target.atMost(300e6 / (1 << 20), "≤ 300 MB (286 MiB)"), null);
            IngressLoad.Result load = IngressLoad.run(bridge.url("/events/webform"), sizes.concurrency(), sizes.warmup(),
                    sizes.measured(), bridge::rssMiB);
            table.figure(row, title, "rss_under_load_mib", "resident memory under load (peak during ingress)",
                    load.maxRssMiB(), "%.0f MiB", null, null);
            table.figure(row, title, "rss_after_load_mib", "resident memory right after the load", bridge.rssMiB(),
                    "%.0f MiB", null, null);
            table.note(row, "how", "process start (ProcessBuilder.start) to the first 200 of /q/health/ready, polled every "
                    + "20 ms; VmRSS from /proc/<pid>/status; the database is the harness's own PostgreSQL (durable), "
                    + "already running; the first start creates the schema, the second is the one the target is for");
            ingressRows(load);
        }
    }

    private void ingressRows(IngressLoad.Result load) {
        String row = "webhook_ingress";
        String title = "Webhook ingress, " + load.concurrency() + " concurrent connections, stored durably before the 202";
        table.figure(row, title, "requests_per_second", "requests/s (202)", load.requestsPerSecond(), "%.0f /s", null, null);
        table.figure(row, title, "p50_ms", "p50", load.p50Millis(), "%.1f ms", null, null);
        table.figure(row, title, "p99_ms", "p99", load.p99Millis(), "%.1f ms", ResultTable.Target.atMost(25, "≤ 25 ms"), null);
        table.figure(row, title, "max_ms", "max", load.maxMillis(), "%.1f ms", null, null);
        table.note(row, "concurrency", load.concurrency());
        table.note(row, "measured_seconds", load.seconds());
        table.note(row, "requests", load.requests());
        table.note(row, "non_202", load.refused());
        table.note(row, "errors", load.failed());
        table.note(row, "sent_all", load.sent());
        table.note(row, "accepted_all", load.accepted());
        table.note(row, "how", "Java HttpClient (HTTP/1.1), one thread and connection per sender, each posting the next "
                + "lead event when the previous is answered, " + sizes.warmup().toSeconds() + " s warm-up then "
                + sizes.measured().toSeconds() + " s measured; the load generator runs on the same 2 cores as the bridge "
                + "and PostgreSQL; the bridge keeps dispatching the events to the CRM under its rate limit meanwhile");
        System.out.printf("ingress: %.0f req/s, p50 %.1f ms, p99 %.1f ms (%d non-202, %d errors)%n",
                load.requestsPerSecond(), load.p50Millis(), load.p99Millis(), load.refused(), load.failed());
    }

    // --- backlog drain -----------------------------------------------------------------------------------------

    /**
     * The first start, on an empty database, with the shipped defaults: its start-to-ready time is returned; then a lone
     * event on the idle CRM, a burst, and the backlog drain, all under the CRM's limit.
     */
    private long drain(BenchPostgres pg, String url, Naive naive) {
        String row = "backlog_drain";
        String title = "Backlog of " + String.format("%,d", BACKLOG) + " lead events under " + RATE_REQUESTS + " requests per "
                + RATE_WINDOW_MILLIS / 1000 + " s";
        double rate = RATE_REQUESTS * 1000.0 / RATE_WINDOW_MILLIS;
        crm.rateLimit(RATE_REQUESTS, RATE_WINDOW_MILLIS);
        BacklogDrain.Result d;
        long ready;
        try (AppProcess bridge = bridge(url, "first")) {
            ready = bridge.awaitOk(bridge.url("/q/health/ready"), Duration.ofSeconds(120));
            TestHttp.post(bridge.url("/admin/connections/hubspot/provision"), TestHttp.bearer(ADMIN_TOKEN), null).expect(200);
            BacklogDrain.Result burst = BacklogDrain.run(bridge, crm, pg, url, run + "-burst", sizes.burstEvents(),
                    sizes.drainCap(), rate);
            List<String> groups = groupMetrics(bridge);
            // after the burst, so the latency is the steady state's, not a cold JVM's first event
            List<Double> lone = LoneEvents.run(bridge, pg, url, run, sizes.loneEvents(), 30_000);
            defaultsRows(lone, burst, groups);
            // the burst's calls leave the CRM's window before the backlog starts
            AppProcess.pause(sizes.quick() ? 0 : RATE_WINDOW_MILLIS);
            d = BacklogDrain.run(bridge, crm, pg, url, run, sizes.drainEvents(), sizes.drainCap(), rate);
        }
        System.out.printf("drain: %d of %d events final in %.1f s, %d CRM calls (%d answered 429), statuses %s%n",
                d.finished(), d.events(), d.seconds(), d.calls().answered(), d.calls().rateLimited(), d.statuses());
        table.figure(row, title, "bridge_seconds", "bridge: time to drain " + String.format("%,d", BACKLOG)
                + (d.complete() && d.events() == BACKLOG ? "" : " (from the measured pace)"), d.secondsFor(BACKLOG),
                "%,.0f s", null, "no event finished in the cap");
        table.figure(row, title, "floor_seconds", "floor: calls the bridge needed ÷ rate", d.floorFor(BACKLOG), "%,.0f s",
                null, "no event finished in the cap");
        table.figure(row, title, "bridge_to_floor", "bridge ÷ floor", d.ratioToFloor(), "%.2f×",
                ResultTable.Target.atMost(1.2, "≤ 1.2×"), null);
        table.figure(row, title, "bridge_calls_per_event", "bridge: CRM calls per event under the limit"
                + (d.complete() ? "" : " (partial drain: counts the calls of events still in flight)"),
                d.callsPerEvent(), "%.2f", null, "no event finished in the cap");
        table.figure(row, title, "naive_seconds", "naive: " + String.format("%.2f", naive.full().callsPerEvent())
                + " calls/event ÷ rate (computed)", naive.full().callsPerEvent() * BACKLOG / rate, "%,.0f s", null, null);
        table.note(row, "bridge_settings", "the shipped defaults");
        table.note(row, "measured_events", d.events());
        table.note(row, "finished_events", d.finished());
        table.note(row, "measured_seconds", d.seconds());
        table.note(row, "crm_calls", d.calls().answered());
        table.note(row, "rate_limited_429", d.calls().rateLimited());
        table.note(row, "statuses", d.statuses());
        table.note(row, "scaling", "the bridge drained " + d.events() + " events (" + (d.complete() ? "all" : d.finished()
                + " finished within the " + sizes.drainCap().toSeconds() + " s cap") + ") at the unscaled limit ("
                + RATE_REQUESTS + " per " + RATE_WINDOW_MILLIS / 1000 + " s, the sandbox's and the bridge's own), and the "
                + String.format("%,d", BACKLOG) + "-event time is that pace × " + String.format("%,d", BACKLOG) + " / "
                + d.finished() + "; the naive time is not measured but computed from its calls/event measured without a "
                + "limit, at exactly the rate (a naive tool cannot do better)");
        return ready;
    }

    /** The bridge's grouped calls so far: how many went, why, and how many events' calls each held. */
    private static List<String> groupMetrics(AppProcess bridge) {
        return TestHttp.get(bridge.url("/q/metrics"), Map.of()).body().lines()
                .filter(l -> l.startsWith("crmbridge_bulk_group")).toList();
    }

    /** The shipped defaults under the CRM's limit: a web form's burst, and a lone event on the idle CRM. */
    private void defaultsRows(List<Double> lone, BacklogDrain.Result burst, List<String> groups) {
        String row = "defaults_burst";
        String title = "Shipped defaults under " + RATE_REQUESTS + " requests per " + RATE_WINDOW_MILLIS / 1000
                + " s: a burst of " + burst.events() + " lead events from 16 senders, a lone event";
        System.out.printf("burst: %d of %d events final %.1f s after the last 202, %d CRM calls (%d answered 429), "
                + "statuses %s; lone events: %s s%n", burst.finished(), burst.events(), burst.afterLastPost(),
                burst.calls().answered(), burst.calls().rateLimited(), burst.statuses(), lone);
        groups.forEach(g -> System.out.println("   " + g));
        table.figure(row, title, "burst_calls_per_event", "burst: CRM calls per event", burst.complete()
                ? burst.callsPerEvent() : null, "%.3f", ResultTable.Target.atMost(0.2, "≤ 0.2"), "not all events finished in the cap");
        table.figure(row, title, "burst_seconds_after_last_post", "burst: every event final, after the last 202",
                burst.complete() ? burst.afterLastPost() : null, "%.1f s", ResultTable.Target.atMost(60, "≤ 60 s"),
                "not all events finished in the cap");
        double median = lone.stream().sorted().skip(lone.size() / 2).findFirst().orElse(Double.NaN);
        double max = lone.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        table.figure(row, title, "lone_event_median_seconds", "lone event on an idle CRM: 202 to DONE, median of "
                + lone.size(), median, "%.2f s", null, "not DONE within 30 s");
        table.figure(row, title, "lone_event_max_seconds", "lone event on an idle CRM: 202 to DONE, slowest of "
                + lone.size(), max, "%.2f s", ResultTable.Target.atMost(1, "≤ 1 s"), "not DONE within 30 s");
        table.note(row, "measured_events", burst.events());
        table.note(row, "finished_events", burst.finished());
        table.note(row, "crm_calls", burst.calls().answered());
        table.note(row, "rate_limited_429", burst.calls().rateLimited());
        table.note(row, "statuses", burst.statuses());
        table.note(row, "lone_event_seconds", lone);
        table.note(row, "bridge_groups", groups);
        table.note(row, "bridge_settings", "the shipped defaults");
        table.note(row, "how", "the bridge started with no tuning flags; the burst first, posted by 16 senders at once, "
                + "the clock from the last 202 until every event is final, CRM calls counted by the sandbox; then the "
                + "lone events, each a second after the previous finished, 202 to DONE read every 5 ms");
    }

    private AppProcess bridge(String jdbcUrl, String phase) {
        return bridge(jdbcUrl, phase, List.of());
    }

    private AppProcess bridge(String jdbcUrl, String phase, List<String> settings) {
        List<String> args = new ArrayList<>(jvm);
        args.addAll(settings);
        args.addAll(List.of("-Dquarkus.datasource.jdbc.url=" + jdbcUrl, "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dcrmbridge.connections.hubspot.base-url=" + crm.base(),
                "-Dcrmbridge.connections.hubspot.poll.enabled=false",
                "-Dcrmbridge.admin.token=" + ADMIN_TOKEN,
                "-Dcrmbridge.dispatch.instance-id=bench-" + run + "-" + phase,
                "-Dcrmbridge.leader-election.file-root=" + workDir.resolve("cluster")));
        // Bridge settings for a run, e.g. the bulk path's claim and worker sizes: -Dbench.bridge-args="-Dk=v ...".
        String extra = System.getProperty("bench.bridge-args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        Path log = workDir.resolve("bridge-" + phase + ".log");
        return new AppProcess(bridgeJar, args, Map.of("CRMBRIDGE_SOURCES_WEBFORM_AUTH_SECRET", LeadEvents.SOURCE_SECRET), log)
                .listeningOn(AppProcess.freePort()).killOnClose().launch();
    }

    static Path workDir(Path base) throws java.io.IOException {
        Path dir = base.resolve("bench-run-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-'));
        Files.createDirectories(dir);
        return dir;
    }
}
