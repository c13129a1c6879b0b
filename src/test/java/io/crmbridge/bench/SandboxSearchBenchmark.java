package io.crmbridge.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.sandbox.objects.ObjectType;
import io.crmbridge.sandbox.objects.RecordStore;
import io.crmbridge.sandbox.objects.SandboxClock;
import io.crmbridge.sandbox.objects.SearchEngine;
import io.crmbridge.sandbox.objects.SearchQuery;
import io.crmbridge.sandbox.objects.SearchQueryParser;
import io.crmbridge.sandbox.objects.SearchRequest;
import io.crmbridge.sandbox.objects.SearchResult;
import io.crmbridge.sandbox.seed.SeedGenerator;
import io.crmbridge.testsupport.AppProcess;
import io.crmbridge.testsupport.TestHttp;

/**
 * The sandbox search benchmark (run with {@code ./mvnw -B -Pbench verify}; not part of the test suite).
 *
 * <p>Loads 100,000 contacts (modification times spread over 30 days) and measures a poll's search page: limit 200,
 * {@code hs_lastmodifieddate GTE x} sorted ascending. Part 1 runs in process through the {@link SearchEngine} the
 * resource uses, once with the ordered index and once as a baseline that scans and sorts everything, and prints
 * the ratio. Part 2, when a packaged application is given as the first argument, starts it on a free loopback port,
 * seeds 100,000 contacts through the control endpoint and measures the same search over HTTP.
 */
public final class SandboxSearchBenchmark {

    private static final int RECORDS = 100_000;
    private static final int WARMUP = 100;
    private static final int RUNS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        inProcess();
        if (args.length > 0 && new File(args[0]).isFile()) {
            overHttp(Path.of(args[0]));
        } else {
            System.out.println("HTTP part skipped: no packaged application given (" + Arrays.toString(args) + ")");
        }
    }

    // --- part 1: in process ---------------------------------------------------------------------------------

    private static void inProcess() throws Exception {
        SandboxClock clock = new SandboxClock();
        RecordStore store = new RecordStore(clock);
        SearchEngine engine = new SearchEngine(store);
        long t0 = System.nanoTime();
        new SeedGenerator(store, clock).seed(ObjectType.CONTACTS, RECORDS, new SplittableRandom(1));
        System.out.printf("in-process: seeded %,d contacts in %d ms%n", RECORDS, (System.nanoTime() - t0) / 1_000_000);

        for (int daysBack : List.of(1, 15, 31)) {
            long since = clock.now().minus(Duration.ofDays(daysBack)).toEpochMilli();
            SearchQuery q = SearchQueryParser.parse(ObjectType.CONTACTS, JSON.readValue(body(since, 0), SearchRequest.class));
            SearchResult a = engine.search(ObjectType.CONTACTS, q);
            SearchResult b = engine.search(ObjectType.CONTACTS, q, SearchEngine.Strategy.SCAN);
            if (a.total() != b.total() || !a.results().equals(b.results())) {
                throw new IllegalStateException("index and scan disagree for GTE now-" + daysBack + "d");
            }
            Stats indexed = measure(() -> time(() -> engine.search(ObjectType.CONTACTS, q)));
            Stats scan = measure(() -> time(() -> engine.search(ObjectType.CONTACTS, q, SearchEngine.Strategy.SCAN)));
            System.out.printf("in-process GTE now-%2dd (total %,6d): indexed %s | scan+sort baseline %s | p50 ratio %.1fx%n",
                    daysBack, a.total(), indexed, scan, scan.p50 / Math.max(indexed.p50, 0.001));
        }
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    // --- part 2: over HTTP ----------------------------------------------------------------------------------

    private static void overHttp(Path jar) throws Exception {
        int port = AppProcess.freePort();
        String base = "http://127.0.0.1:" + port + "/sandbox/hubspot";
        try (AppProcess app = new AppProcess(jar, List.of("-Xmx2g", "-Dquarkus.profile=dev", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port, "-Dcrmbridge.embedded-postgres.data-dir=target/bench-postgres",
                "-Dcrmbridge.embedded-postgres.clean=true",
                // it measures searches, not the sandbox's rate limit (100 per 10 s, which a fast machine passes)
                "-Dcrmbridge.sandbox.rate-limit.max-requests=1000000"),
                Files.createTempFile("sandbox-bench", ".log"))) {
            app.start(base + "/_sandbox/clock", Duration.ofSeconds(120));
            long t0 = System.nanoTime();
            TestHttp.Answer seeded = send(base + "/_sandbox/seed", "{\"contacts\":" + RECORDS + "}", false);
            System.out.printf("http: seeded %,d contacts in %d ms (%s)%n", RECORDS, (System.nanoTime() - t0) / 1_000_000,
                    seeded.body());
            String now = TestHttp.get(base + "/_sandbox/clock", Map.of()).json(200).path("now").asText();
            for (int daysBack : List.of(1, 15, 31)) {
                long since = Instant.parse(now).minus(Duration.ofDays(daysBack)).toEpochMilli();
                String body = body(since, 0);
                TestHttp.Answer first = send(base + "/crm/v3/objects/contacts/search", body, true);
                int total = first.json().path("total").asInt();
                Stats stats = measure(() -> time(() -> send(base + "/crm/v3/objects/contacts/search", body, true)));
                System.out.printf("http       GTE now-%2dd (total %,6d): search page %s%n", daysBack, total, stats);
            }
        }
    }

    private static TestHttp.Answer send(String url, String body, boolean crm) {
        return TestHttp.post(url, crm ? TestHttp.bearer("sandbox-token") : Map.of(), body).expect(200);
    }

    // --- shared ---------------------------------------------------------------------------------------------

    private static String body(long sinceMillis, int after) {
        return "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"GTE\","
                + "\"value\":\"" + sinceMillis + "\"}]}],"
                + "\"sorts\":[{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":\"ASCENDING\"}],"
                + "\"properties\":[\"email\",\"firstname\",\"lastname\",\"hs_lastmodifieddate\"],"
                + "\"limit\":200,\"after\":\"" + after + "\"}";
    }

    private static Stats measure(LongSupplier nanos) {
        for (int i = 0; i < WARMUP; i++) {
            nanos.getAsLong();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ms[i] = nanos.getAsLong() / 1e6;
        }
        Arrays.sort(ms);
        return new Stats(ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[RUNS - 1]);
    }

    private record Stats(double p50, double p95, double max) {
        @Override
        public String toString() {
            return String.format("p50 %6.2f ms, p95 %6.2f ms, max %6.2f ms", p50, p95, max);
        }
    }
}
