package io.crmbridge.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A second application instance for {@link SharedRateLimitTest}, run as its own JVM: a {@link RateGate} on the same
 * database, callers acquiring as fast as they can until a wall-clock end, then every grant's time (epoch
 * microseconds) printed one a line. Arguments: jdbc-url user connection requests period-ms lease-size validity-ms
 * threads. It prints {@code READY}, then reads "start-epoch-ms end-epoch-ms" from its standard input.
 */
public final class RateLimitReplicaProcess {

    /** A rate limit as configured, for tests. */
    public record Limit(int requests, Duration period, Optional<Integer> leaseSize, Optional<Duration> leaseValidity)
            implements ConnectionsConfig.RateLimit {
    }

    private RateLimitReplicaProcess() {
    }

    public static long epochMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        String connection = args[2];
        RateBudget budget = RateBudget.of(new Limit(Integer.parseInt(args[3]),
                Duration.ofMillis(Long.parseLong(args[4])), Optional.of(Integer.parseInt(args[5])),
                Optional.of(Duration.ofMillis(Long.parseLong(args[6])))));
        int threads = Integer.parseInt(args[7]);

        RateGate gate = new RateGate(new SharedPermits(dataSource, connection, budget), budget.leaseSize(),
                budget.leaseValidity());
        ConcurrentLinkedQueue<Long> grants = new ConcurrentLinkedQueue<>();
        System.out.println("READY");
        System.out.flush();
        String[] times = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine().trim().split(" ");
        long start = Long.parseLong(times[0]);
        long end = Long.parseLong(times[1]);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread caller = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    return;
                }
                while (System.currentTimeMillis() < end) {
                    gate.acquire();
                    grants.add(epochMicros(Instant.now()));
                }
            });
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        StringBuilder out = new StringBuilder();
        grants.forEach(t -> out.append(t).append('\n'));
        System.out.print(out);
        System.out.println("END");
        System.out.flush();
    }
}
