package io.crmbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crmbridge.testsupport.AppProcess;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two replicas' rate gates on one database together stay within the connection's limit in every
 * window of its period (not only in aligned windows), and a 429 seen by one pauses the other. Each "replica" is its own
 * {@link RateGate} with its own {@link SharedPermits}, as two application instances would have; grants are time-stamped
 * as they happen and every sliding window over them is counted.
 */
@QuarkusTest
class SharedRateLimitTest {

    static final int LIMIT = 40;
    static final Duration PERIOD = Duration.ofSeconds(1);

    @Inject
    DataSource dataSource;

    /** A permit source that counts its database round trips. */
    static final class Counted implements RateGate.PermitSource {
        final RateGate.PermitSource inner;
        final AtomicInteger leases = new AtomicInteger();

        Counted(RateGate.PermitSource inner) {
            this.inner = inner;
        }

        @Override
        public RateGate.Lease lease(int wanted) {
            leases.incrementAndGet();
            return inner.lease(wanted);
        }

        @Override
        public void pause(Duration duration) {
            inner.pause(duration);
        }
    }

    @Test
    void twoReplicasTogetherNeverExceedTheLimitInAnyWindow() throws Exception {
        String connection = "rate-" + UUID.randomUUID();
        RateBudget budget = RateBudget.of(new RateLimitReplicaProcess.Limit(LIMIT, PERIOD, Optional.of(4), Optional.of(Duration.ofMillis(100))));
        Counted a = new Counted(new SharedPermits(dataSource, connection, budget));
        Counted b = new Counted(new SharedPermits(dataSource, connection, budget));

        List<List<Long>> grants = run(List.of(gate(a, budget), gate(b, budget)), 3, Duration.ofSeconds(4));
        List<Long> all = merged(grants);

        System.out.printf("Shared rate limit, two gates: %d grants (A %d, B %d), at most %d in a 1 s window, %d round trips%n",
                all.size(), grants.get(0).size(), grants.get(1).size(), maxInAnyWindow(all, PERIOD),
                a.leases.get() + b.leases.get());
        assertThat(maxInAnyWindow(all, PERIOD)).as("both replicas together, in every 1 s window").isLessThanOrEqualTo(LIMIT);
        // Not starved either: the sustained rate is (40 - 4) / 1.1 s, about 33/s; over 4 s at least 100.
        assertThat(all.size()).isGreaterThanOrEqualTo(100);
        assertThat(grants.get(0).size()).as("replica A's share").isGreaterThan(all.size() / 5);
        assertThat(grants.get(1).size()).as("replica B's share").isGreaterThan(all.size() / 5);
    }

    @Test
    void theSameLoadWithABucketPerReplicaBreaksTheLimitSoTheCountAboveCanFail() throws Exception {
        RateBudget budget = RateBudget.of(new RateLimitReplicaProcess.Limit(LIMIT, PERIOD, Optional.of(4), Optional.of(Duration.ofMillis(100))));
        // Each replica paces itself at the whole limit, as it would with a bucket of its own.
        RateGate a = gate(new SharedPermits(dataSource, "rate-a-" + UUID.randomUUID(), budget), budget);
        RateGate b = gate(new SharedPermits(dataSource, "rate-b-" + UUID.randomUUID(), budget), budget);

        List<Long> all = merged(run(List.of(a, b), 3, Duration.ofSeconds(3)));

        System.out.printf("A bucket per replica: %d grants, at most %d in a 1 s window%n", all.size(),
                maxInAnyWindow(all, PERIOD));
        assertThat(maxInAnyWindow(all, PERIOD)).isGreaterThan(LIMIT);
    }

    @Test
    void atHighRatesAReplicaMakesOneDatabaseRoundTripPerLeaseNotPerRequest() throws Exception {
        String connection = "rate-" + UUID.randomUUID();
        RateBudget budget = RateBudget.of(new RateLimitReplicaProcess.Limit(20_000, PERIOD, Optional.empty(), Optional.empty()));
        Counted a = new Counted(new SharedPermits(dataSource, connection, budget));
        Counted b = new Counted(new SharedPermits(dataSource, connection, budget));

        List<Long> all = merged(run(List.of(gate(a, budget), gate(b, budget)), 2, Duration.ofSeconds(2)));

        System.out.printf("Shared rate limit at 20,000/s: %d grants, %d round trips, at most %d in a 1 s window%n",
                all.size(), a.leases.get() + b.leases.get(), maxInAnyWindow(all, PERIOD));
        assertThat(all.size()).isGreaterThan(2_000);
        assertThat(a.leases.get() + b.leases.get()).as("round trips for %d grants", all.size()).isLessThan(all.size() / 20);
        assertThat(maxInAnyWindow(all, PERIOD)).isLessThanOrEqualTo(20_000);
    }

    @Test
    void a429SeenByOneReplicaPausesTheOther() {
        String connection = "rate-" + UUID.randomUUID();
        RateBudget budget = RateBudget.of(new RateLimitReplicaProcess.Limit(LIMIT, PERIOD, Optional.of(4), Optional.of(Duration.ofMillis(100))));
        RateGate a = gate(new SharedPermits(dataSource, connection, budget), budget);
        RateGate b = gate(new SharedPermits(dataSource, connection, budget), budget);
        assertThat(b.tryAcquire()).isZero();

        a.pause(Duration.ofSeconds(60));

        // b's leased permits (if any) last 100 ms at most; after that it must wait for the pause. The pause is long
        // and the bound below half of it, so a slow machine between the two cannot use it up.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            b.tryAcquire();
        }
        assertThat(b.tryAcquire()).isGreaterThan(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void aSecondApplicationProcessOnTheSameDatabaseSharesTheLimit() throws Exception {
        String connection = "rate-jvm-" + UUID.randomUUID();
        RateBudget budget = RateBudget.of(new RateLimitReplicaProcess.Limit(LIMIT, PERIOD, Optional.of(4),
                Optional.of(Duration.ofMillis(100))));
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        // Not an AppProcess: a main class on this module's class path, talked to over its standard input and output.
        Process other = new ProcessBuilder(AppProcess.javaBin(),
                "-cp", replicaClassPath(), RateLimitReplicaProcess.class.getName(), url, user, connection,
                Integer.toString(LIMIT), Long.toString(PERIOD.toMillis()), "4", "100", "3")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the other JVM is up").isEqualTo("READY");
            // Both start together on the wall clock.
            long start = System.currentTimeMillis() + 300;
            long end = start + 4_000;
            other.getOutputStream().write((start + " " + end + "\n").getBytes(StandardCharsets.UTF_8));
            other.getOutputStream().flush();
            Counted ours = new Counted(new SharedPermits(dataSource, connection, budget));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<List<List<Long>>> mine = pool.submit(() -> {
                Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
                return run(List.of(gate(ours, budget)), 3, Duration.ofMillis(end - System.currentTimeMillis()));
            });
            List<Long> theirs = new ArrayList<>();
            try (out) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                        theirs.add(Long.parseLong(line));
                    }
                }
            }
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isZero();
            List<Long> ourGrants = mine.get(60, TimeUnit.SECONDS).get(0);
            pool.shutdown();

            List<Long> all = merged(List.of(ourGrants, theirs));
            System.out.printf("Shared rate limit, two JVMs: %d grants (this %d, other %d), at most %d in a 1 s window%n",
                    all.size(), ourGrants.size(), theirs.size(), maxInAnyWindow(all, PERIOD));
            // The other JVM starts cold (interpreted, first connections): its share is smaller, but it has one.
            assertThat(theirs).as("the other process got permits").hasSizeGreaterThan(all.size() / 10);
            assertThat(ourGrants).as("this process got permits").hasSizeGreaterThan(all.size() / 10);
            assertThat(maxInAnyWindow(all, PERIOD)).as("both processes together, in every 1 s window").isLessThanOrEqualTo(LIMIT);
            assertThat(all.size()).isGreaterThanOrEqualTo(100);
        } finally {
            if (other.isAlive()) {
                other.destroyForcibly();
            }
        }
    }

    /** What the other JVM needs: this module's classes, the PostgreSQL driver and JBoss Logging. */
    private static String replicaClassPath() throws Exception {
        return String.join(File.pathSeparator, Path.of("target", "classes").toAbsolutePath().toString(),
                Path.of("target", "test-classes").toAbsolutePath().toString(), jarOf(org.postgresql.Driver.class),
                jarOf(org.jboss.logging.Logger.class));
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static RateGate gate(RateGate.PermitSource source, RateBudget budget) {
        return new RateGate(source, budget.leaseSize(), budget.leaseValidity());
    }

    /** Each gate gets {@code threads} callers acquiring as fast as they can; the grants' times, per gate. */
    private static List<List<Long>> run(List<RateGate> gates, int threads, Duration duration) throws Exception {
        List<ConcurrentLinkedQueue<Long>> times = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(gates.size() * threads);
        long end = System.nanoTime() + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (RateGate gate : gates) {
                ConcurrentLinkedQueue<Long> mine = new ConcurrentLinkedQueue<>();
                times.add(mine);
                for (int i = 0; i < threads; i++) {
                    running.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            gate.acquire();
                            mine.add(RateLimitReplicaProcess.epochMicros(Instant.now()));
                        }
                    }));
                }
            }
            for (Future<?> f : running) {
                f.get(duration.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return times.stream().map(q -> (List<Long>) new ArrayList<>(q)).toList();
    }

    private static List<Long> merged(List<List<Long>> perGate) {
        List<Long> all = new ArrayList<>();
        perGate.forEach(all::addAll);
        Collections.sort(all);
        return all;
    }

    /** The most grants in any half-open window [t, t + period), t anywhere; times in epoch microseconds. */
    static int maxInAnyWindow(List<Long> sortedMicros, Duration period) {
        long periodMicros = period.toNanos() / 1_000;
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedMicros.size(); end++) {
            while (sortedMicros.get(end) - sortedMicros.get(start) >= periodMicros) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
