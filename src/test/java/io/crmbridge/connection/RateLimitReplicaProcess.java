package io.crmbridge.connection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

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

    /** Connections kept open and handed out again, as the application's pool does (a new one per lease is slow). */
    private static DataSource pooled(PGSimpleDataSource simple, int size) throws Exception {
        BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(simple.getConnection());
        }
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, methodArgs) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection real = idle.take();
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                            (c, m, a) -> {
                                if (m.getName().equals("close")) {
                                    idle.add(real);
                                    return null;
                                }
                                try {
                                    return m.invoke(real, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    public static long epochMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource simple = new PGSimpleDataSource();
        simple.setURL(args[0]);
        simple.setUser(args[1]);
        DataSource dataSource = pooled(simple, Integer.parseInt(args[7]));
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
