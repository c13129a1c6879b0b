package io.crmbridge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import io.crmbridge.testsupport.AppProcess;

/**
 * The webhook ingress load: {@code concurrency} senders, each on its own thread and HTTP/1.1 connection, posting
 * lead events to {@code POST /events/webform} back to back (each request waits for the previous answer), first for
 * a warm-up and then for the measured period. Every 202 means the raw event is stored (durably) before the answer.
 * Latency is measured by the sender, from just before the request to the full answer; the figures count the 202s
 * answered within the measured period (requests/s = those answers / the period, the closed-loop throughput), {@code sent}/{@code accepted}/{@code refused}/{@code failed} all
 * requests of the run (warm-up and the last answers after the period included).
 */
final class IngressLoad {

    private IngressLoad() {
    }

    static Result run(String url, int concurrency, Duration warmup, Duration measured, DoubleSupplier rssMiB) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measured.toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            long[] mine = new long[1 << 16];
            latencies.add(mine);
            int sender = t;
            Thread thread = new Thread(() -> {
                try {
                    send(client, url, sender, mine, measureFrom, measureTo, sent, accepted, refused, failed);
                } finally {
                    finished.countDown();
                }
            }, "ingress-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        double maxRss = 0;
        while (finished.getCount() > 0) {
            if (System.nanoTime() > measureFrom) {
                maxRss = Math.max(maxRss, rssMiB.getAsDouble());
            }
            AppProcess.pause(200);
        }
        long total = latencies.stream().mapToLong(l -> l[0]).sum();
        double[] ms = new double[(int) total];
        int i = 0;
        for (long[] l : latencies) {
            for (int k = 1; k <= l[0]; k++) {
                ms[i++] = l[k] / 1e6;
            }
        }
        Arrays.sort(ms);
        double seconds = measured.toNanos() / 1e9;
        return new Result(concurrency, ms.length, seconds, ms.length / seconds, percentile(ms, 0.50),
                percentile(ms, 0.99), ms.length == 0 ? Double.NaN : ms[ms.length - 1], sent.get(), accepted.get(), refused.get(),
                failed.get(), maxRss);
    }

    /** {@code latencies[0]} counts the measured 202s that follow it (nanoseconds each). */
    private static void send(HttpClient client, String url, int sender, long[] latencies, long measureFrom,
            long measureTo, AtomicLong sent, AtomicLong accepted, AtomicLong refused, AtomicLong failed) {
        // Every sender sends at least once, however late its thread starts on a busy machine.
        for (int n = 0; n == 0 || System.nanoTime() < measureTo; n++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + LeadEvents.SOURCE_SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(LeadEvents.lead("ingress-" + sender + "-" + n))).build();
            long t0 = System.nanoTime();
            sent.incrementAndGet();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                long t1 = System.nanoTime();
                boolean counted = t1 >= measureFrom && t1 <= measureTo;
                if (status == 202) {
                    accepted.incrementAndGet();
                    if (counted && latencies[0] < latencies.length - 1) {
                        latencies[(int) ++latencies[0]] = t1 - t0;
                    }
                } else {
                    refused.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    record Result(int concurrency, long requests, double seconds, double requestsPerSecond, double p50Millis,
            double p99Millis, double maxMillis, long sent, long accepted, long refused, long failed, double maxRssMiB) {
    }
}
