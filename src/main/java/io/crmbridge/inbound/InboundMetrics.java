package io.crmbridge.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Inbound figures on {@code /q/metrics}, tagged by connection and object: records polled, delivered, duplicates
 * skipped (ledger), loops suppressed (origin stamps), and the poll lag: seconds since the poll last committed progress.
 */
@ApplicationScoped
public class InboundMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicReference<Instant>> lastProgress = new ConcurrentHashMap<>();

    InboundMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void polled(String connection, String object, int count) {
        meters.counter("crmbridge.inbound.records.polled", tags(connection, object)).increment(count);
    }

    void delivered(String connection, String object) {
        meters.counter("crmbridge.inbound.records.delivered", tags(connection, object)).increment();
    }

    void duplicate(String connection, String object) {
        meters.counter("crmbridge.inbound.duplicates.skipped", tags(connection, object)).increment();
    }

    void loopSuppressed(String connection, String object) {
        meters.counter("crmbridge.inbound.loops.suppressed", tags(connection, object)).increment();
    }

    /** A page committed or a poll succeeded. */
    void progressed(String connection, String object) {
        lastProgress.computeIfAbsent(connection + "/" + object, k -> register(connection, object)).set(Instant.now());
    }

    private AtomicReference<Instant> register(String connection, String object) {
        AtomicReference<Instant> last = new AtomicReference<>(Instant.now());
        meters.gauge("crmbridge.inbound.poll.lag.seconds", tags(connection, object), last,
                ref -> Duration.between(ref.get(), Instant.now()).toMillis() / 1000.0);
        return last;
    }

    private static Tags tags(String connection, String object) {
        return Tags.of("connection", connection, "object", object);
    }
}
