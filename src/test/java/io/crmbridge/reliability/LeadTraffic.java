package io.crmbridge.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.crmbridge.outbound.OutboundTestSupport;

import io.crmbridge.testsupport.TestHttp;

/**
 * Lead events for the webform source, posted as a webhook sender does: each delivery is sent until it is answered
 * 202 (a refused connection while the bridge is down, a 5xx or a timeout is sent again after a pause), so one event
 * can be stored twice when an answer is lost (the second ends DUPLICATE). Each person sends two events; four people
 * share a company.
 */
final class LeadTraffic {

    final String run;
    final int events;
    final int people;
    final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong resent = new AtomicLong();

    LeadTraffic(String run, int events) {
        this.run = run;
        this.events = events;
        this.people = Math.max(1, events / 2);
    }

    String email(int person) {
        return "lead-" + run + "-" + person + "@example.org";
    }

    String domain(int company) {
        return "lead-" + run + "-" + company + ".example";
    }

    int companies() {
        return (people + 3) / 4;
    }

    String body(int i) {
        int person = i % people;
        return OutboundTestSupport.lead(run + "-" + i, email(person), "Person " + person, "Co " + run + " " + person / 4,
                domain(person / 4));
    }

    /** Posts every event from {@code threads} threads to the bridge {@code url} gives at the time of each send. */
    void postAll(Supplier<String> url, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String body = body(i);
                sends.add(pool.submit(() -> deliver(url, body)));
            }
            for (Future<?> f : sends) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void deliver(Supplier<String> url, String body) {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + BridgeUnderTest.WEBFORM_SECRET);
        for (int attempt = 0;; attempt++) {
            deliveries.incrementAndGet();
            TestHttp.Answer a = TestHttp.send("POST", url.get() + "/events/webform", auth, body, Duration.ofSeconds(30));
            if (a.status() == 202) {
                accepted.add(a.json().path("eventId").asText());
                return;
            }
            if (a.status() >= 400 && a.status() < 500) {
                throw new IllegalStateException("a valid lead was refused: " + a.status() + " " + a.body());
            }
            resent.incrementAndGet();
            if (attempt > 2000) {
                throw new IllegalStateException("the bridge did not accept a lead in 2,000 tries: " + a.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
