package io.crmbridge.bench;

import static io.crmbridge.testsupport.SandboxControl.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.crmbridge.inbound.InboundFixture;
import io.crmbridge.sandbox.contract.SandboxContractRecorder;
import io.crmbridge.testsupport.SandboxControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbound drain benchmark (not part of the test suite, surefire's default includes do not match
 * it). Run it with
 * {@code ./mvnw -B test -Dtest=InboundDrainBenchmark -Ddrain.records=100000}.
 *
 * <p>Loads {@code drain.records} changed contacts (default 100,000; modification times spread over 30 days) straight
 * into the in-process sandbox through its seed control endpoint (not the API, so loading is not measured), starts the
 * contacts poll on an empty cursor and measures until every record is in the {@code intake_outbox} table. Prints
 * records per second, CRM calls per record from the sandbox's request counters and from the bridge's own metric
 * ({@code crmbridge.inbound.api.calls} over {@code crmbridge.inbound.records.delivered}), and the database's share:
 * transactions and statement time ({@code pg_stat_database.active_time}) per record, and where the drain's time
 * went ({@code crmbridge.inbound.poll.seconds} by part: CRM answers, reading pages, preparing, page transactions;
 * fetching the next page overlaps delivering the current one, so the parts add up to more than the drain's time).
 * The harness's contract check of every sandbox request is off while the drain runs (a real CRM does not run it on
 * the bridge's machine; the inbound tests run with it). Writes the figures to
 * {@code target/benchmarks/inbound-drain.json}. It asserts what must hold at any speed (every record delivered once),
 * never a speed.
 */
@QuarkusTest
class InboundDrainBenchmark {

    private static final String ROUTE = "poll-hubspot-contacts";
    private static final Path OUT = Path.of("target", "benchmarks", "inbound-drain.json");

    @Inject
    InboundFixture fixture;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    SandboxContractRecorder contractCheck;

    @AfterEach
    void stopPolling() throws Exception {
        fixture.stop(ROUTE);
        contractCheck.checking(true);
    }

    @Test
    void drainChangedContactsToTheTableSink() throws Exception {
        int records = Integer.getInteger("drain.records", 100_000);
        fixture.reset("contacts");
        fixture.sql("DELETE FROM ledger WHERE ledger_key LIKE ?", "hubspot:contacts:%");
        long seedStart = System.nanoTime();
        control().body(Map.of("contacts", records)).post("/seed").then().statusCode(200);
        System.out.printf("drain: seeded %,d contacts in %d ms (not measured)%n", records,
                (System.nanoTime() - seedStart) / 1_000_000);
        SandboxControl.resetCounters();
        double callsBefore = counter("crmbridge.inbound.api.calls");
        double deliveredBefore = counter("crmbridge.inbound.records.delivered");
        DbStats dbBefore = dbStats();
        Map<String, Double> partsBefore = new LinkedHashMap<>();
        for (String part : List.of("crm", "read", "prepare", "write")) {
            partsBefore.put(part, pollSeconds(part));
        }

        // The test harness validates every request the sandbox receives against HubSpot's description, on the
        // sandbox's event loop: a check no real CRM runs on the bridge's machine, and 15% of the JVM's CPU samples
        // in a drain. Off while the drain is measured (the inbound tests run with it on).
        contractCheck.checking(false);
        String loadBefore = loadAverage();
        CpuTimes cpuBefore = CpuTimes.now(dataSource);
        long start = System.nanoTime();
        fixture.start(ROUTE);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> delivered() >= records);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuTimes cpu = CpuTimes.now(dataSource).minus(cpuBefore);
        fixture.stop(ROUTE);
        contractCheck.checking(true);

        // Figures after the drain: the poll that delivered the last page has ended (stop waits for it).
        DbStats dbAfter = awaitDbStatsFlushed();
        long crmCalls = sandboxApiCalls();
        double metricCalls = counter("crmbridge.inbound.api.calls") - callsBefore;
        double metricDelivered = counter("crmbridge.inbound.records.delivered") - deliveredBefore;
        int rows = fixture.outboxRows("contacts");
        Map<String, Integer> perRecord = fixture.outboxCounts("contacts");

        Map<String, Double> parts = new LinkedHashMap<>();
        for (String part : List.of("crm", "read", "prepare", "write")) {
            parts.put(part, pollSeconds(part) - partsBefore.get(part));
        }
        // Fetching (CRM answers, reading pages) runs one page ahead of delivering (preparing, page transactions) on a
        // thread of its own: the two overlap, so their sum can exceed the drain's time.
        double fetching = parts.get("crm") + parts.get("read");
        double delivering = parts.get("prepare") + parts.get("write");
        double other = seconds - Math.max(fetching, delivering);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", rows);
        figures.put("seconds", round(seconds, 3));
        figures.put("records_per_second", round(rows / seconds, 0));
        figures.put("calls_per_record", round((double) crmCalls / rows, 4));
        figures.put("crm_calls", crmCalls);
        figures.put("metric_calls_per_record", round(metricDelivered == 0 ? 0 : metricCalls / metricDelivered, 4));
        figures.put("db_transactions_per_record", round((double) (dbAfter.transactions - dbBefore.transactions) / rows, 3));
        figures.put("db_active_seconds", round((dbAfter.activeMillis - dbBefore.activeMillis) / 1000.0, 3));
        figures.put("db_active_share", round((dbAfter.activeMillis - dbBefore.activeMillis) / 1000.0 / seconds, 3));
        Map<String, Object> breakdown = new LinkedHashMap<>();
        parts.forEach((part, secs) -> breakdown.put(part + "_seconds", round(secs, 3)));
        breakdown.put("fetching_seconds", round(fetching, 3));
        breakdown.put("delivering_seconds", round(delivering, 3));
        // at least this long both ran at once (fetching + delivering - the drain's time)
        breakdown.put("overlapped_at_least_seconds", round(Math.max(0, fetching + delivering - seconds), 3));
        breakdown.put("other_seconds", round(other, 3));
        figures.put("time", breakdown);
        // CPU seconds, which depend far less on what else the machine runs than the wall time does
        Map<String, Object> cpuFigures = new LinkedHashMap<>();
        cpuFigures.put("jvm_seconds", round(cpu.jvm(), 2));
        cpuFigures.put("sandbox_threads_seconds", round(cpu.sandboxThreads(), 2));
        cpuFigures.put("camel_threads_seconds", round(cpu.camelThreads(), 2));
        cpuFigures.put("postgresql_seconds", round(cpu.postgres(), 2));
        cpuFigures.put("bridge_and_database_ms_per_record", round(1000 * (cpu.jvm() - cpu.sandboxThreads()
                + cpu.postgres()) / rows, 4));
        figures.put("cpu", cpuFigures);
        figures.put("page_size", 200);
        figures.put("sandbox_contract_check", "off during the drain");
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        // Other processes on the machine slow the drain down: the 1-minute load average before and after it.
        figures.put("load_average_before", loadBefore);
        figures.put("load_average_after", loadAverage());
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.printf("drain: %,d records in %.1f s = %,.0f records/s; CRM calls %d = %.4f per record (metric: %.4f);"
                + " DB %.2f transactions per record, %.1f s statement time (%.0f%% of the drain); load %s -> %s%n  -> %s%n", rows,
                seconds, rows / seconds, crmCalls, (double) crmCalls / rows, metricCalls / Math.max(1, metricDelivered),
                (double) (dbAfter.transactions - dbBefore.transactions) / rows,
                (dbAfter.activeMillis - dbBefore.activeMillis) / 1000.0,
                100 * (dbAfter.activeMillis - dbBefore.activeMillis) / 1000.0 / seconds, loadBefore, figures.get("load_average_after"),
                OUT.toAbsolutePath());

        System.out.printf("drain: CPU: JVM %.1f s (sandbox's HTTP threads %.1f s, Camel threads %.1f s, the rest GC, JIT and"
                + " other threads), PostgreSQL %.1f s; without the sandbox's threads %.3f ms of CPU per record%n",
                cpu.jvm(), cpu.sandboxThreads(), cpu.camelThreads(), cpu.postgres(),
                1000 * (cpu.jvm() - cpu.sandboxThreads() + cpu.postgres()) / rows);
        System.out.printf("drain: where the time went: fetching %.1f s (CRM answers: sandbox search and history over"
                + " loopback HTTP %.1f s, reading pages %.1f s) one page ahead of delivering %.1f s (loop guard +"
                + " normalizing + JSON %.1f s, page transactions %.1f s), the two at once for at least %.1f s; the rest"
                + " (Camel, timer, polls between) beyond the longer of the two %.1f s%n", fetching, parts.get("crm"),
                parts.get("read"), delivering, parts.get("prepare"), parts.get("write"),
                Math.max(0, fetching + delivering - seconds), other);
        assertThat(perRecord).hasSize(records);
        assertThat(perRecord.values()).allMatch(n -> n == 1);
    }

    /** Records the contacts cursor counted as delivered (one row read, cheaper than counting the outbox). */
    private long delivered() {
        var row = fixture.cursor("contacts");
        return row == null ? 0 : row.recordsDelivered();
    }

    private double counter(String name) {
        return meters.find(name).tags("connection", "hubspot", "object", "contacts").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Seconds the contacts polls spent in one part ({@code crmbridge.inbound.poll.seconds{part}}). */
    private double pollSeconds(String part) {
        return meters.find("crmbridge.inbound.poll.seconds").tags("connection", "hubspot", "object", "contacts", "part", part)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** HubSpot API requests the sandbox served since its counters were reset (control endpoints are not counted). */
    private static long sandboxApiCalls() {
        List<Map<String, Object>> counters = control().get("/counters").then().statusCode(200).extract().jsonPath()
                .getList("counters");
        return counters.stream().mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    private record DbStats(long transactions, double activeMillis) {
    }

    private DbStats dbStats() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT xact_commit + xact_rollback, active_time FROM pg_stat_database WHERE datname = current_database()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new DbStats(rs.getLong(1), rs.getDouble(2));
        }
    }

    /**
     * Sessions report their statistics at most once a second: wait until they grow no faster than the application's
     * background work (timers, heartbeat) makes them, at most 30 s, and take what is there.
     */
    private DbStats awaitDbStatsFlushed() throws Exception {
        java.util.concurrent.atomic.AtomicReference<DbStats> last = new java.util.concurrent.atomic.AtomicReference<>(
                dbStats());
        try {
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(1100))
                    .pollInterval(Duration.ofMillis(1100)).until(() -> {
                        DbStats now = dbStats();
                        DbStats previous = last.getAndSet(now);
                        return now.activeMillis - previous.activeMillis < 100;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("drain: database statistics still moving after 30 s; figures as they stand");
        }
        return last.get();
    }

    /**
     * CPU seconds so far: the JVM (process), its threads by kind (the sandbox answers on Vert.x event loops and
     * executor threads, the bridge works on Camel threads; threads that ended are missed), and the PostgreSQL server
     * (the postmaster with the children it reaped and those alive, from /proc; 0 where /proc cannot tell).
     */
    private record CpuTimes(double jvm, double sandboxThreads, double camelThreads, double postgres,
            Map<Long, Long> sandbox, Map<Long, Long> camel) {

        static CpuTimes now(DataSource dataSource) {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<Long, Long> sandbox = new java.util.HashMap<>();
            Map<Long, Long> camel = new java.util.HashMap<>();
            for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
                long ns = info == null ? -1 : mx.getThreadCpuTime(info.getThreadId());
                if (ns < 0) {
                    continue;
                }
                String name = info.getThreadName();
                if (name.startsWith("vert.x-eventloop") || name.startsWith("executor-thread")) {
                    sandbox.put(info.getThreadId(), ns);
                } else if (name.startsWith("Camel")) {
                    camel.put(info.getThreadId(), ns);
                }
            }
            return new CpuTimes(os.getProcessCpuTime() / 1e9, 0, 0, postgresCpu(dataSource), sandbox, camel);
        }

        /** Since {@code before}: per thread alive now, what it used since then (all of it if it is new). */
        CpuTimes minus(CpuTimes before) {
            return new CpuTimes(jvm - before.jvm, since(sandbox, before.sandbox), since(camel, before.camel),
                    postgres - before.postgres, Map.of(), Map.of());
        }

        private static double since(Map<Long, Long> now, Map<Long, Long> before) {
            return now.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum()
                    / 1e9;
        }

        private static double postgresCpu(DataSource dataSource) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_read_file('postmaster.pid')"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long postmaster = Long.parseLong(rs.getString(1).lines().findFirst().orElseThrow().trim());
                long ticks = 0;
                try (var procs = Files.list(Path.of("/proc"))) {
                    for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        String[] stat = stat(proc);
                        if (stat == null) {
                            continue;
                        }
                        long pid = Long.parseLong(proc.getFileName().toString());
                        if (pid == postmaster) { // its own time and that of the children it reaped
                            ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]) + Long.parseLong(stat[15])
                                    + Long.parseLong(stat[16]);
                        } else if (Long.parseLong(stat[3]) == postmaster) {
                            ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                        }
                    }
                }
                return ticks / 100.0; // USER_HZ
            } catch (Exception e) {
                return 0;
            }
        }

        /** /proc/<pid>/stat's fields, numbered from 0 as in proc(5) minus one, the name taken out. */
        private static String[] stat(Path proc) {
            try {
                String text = Files.readString(proc.resolve("stat"));
                String rest = text.substring(text.lastIndexOf(')') + 2);
                String[] fields = rest.split(" ");
                String[] out = new String[fields.length + 2];
                out[0] = proc.getFileName().toString();
                out[1] = "name";
                System.arraycopy(fields, 0, out, 2, fields.length);
                return out;
            } catch (Exception e) {
                return null;
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double round(double value, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }
}
