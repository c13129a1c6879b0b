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
    private final Map<String, Boolean> perRecord = new ConcurrentHashMap<>();

    InboundMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void polled(String connection, String object, int count) {
        meters.counter("crmbridge.inbound.records.polled", tags(connection, object)).increment(count);
    }

    void delivered(String connection, String object) {
        delivered(connection, object, 1);
    }

    void delivered(String connection, String object, int count) {
        meters.counter("crmbridge.inbound.records.delivered", tags(connection, object)).increment(count);
    }

    void duplicate(String connection, String object) {
        duplicates(connection, object, 1);
    }

    void duplicates(String connection, String object, int count) {
        meters.counter("crmbridge.inbound.duplicates.skipped", tags(connection, object)).increment(count);
    }

    /** Records that could not be handed to the intake (bad data) and went to the review queue instead. */
    void reviewed(String connection, String object, int count) {
        meters.counter("crmbridge.inbound.records.reviewed", tags(connection, object)).increment(count);
    }

    void loopSuppressed(String connection, String object) {
        meters.counter("crmbridge.inbound.loops.suppressed", tags(connection, object)).increment();
    }

    /** A record modified with no change to any property the poll reads (e.g. a write that set the values it had). */
    void unchanged(String connection, String object) {
        meters.counter("crmbridge.inbound.records.unchanged", tags(connection, object)).increment();
    }

    /** CRM calls a poll made (searches, history reads, archived listings). */
    void calls(String connection, String object, long calls) {
        meters.counter("crmbridge.inbound.api.calls", tags(connection, object)).increment(calls);
        perRecord.computeIfAbsent(connection + "/" + object, k -> registerPerRecord(connection, object));
    }

    /** Inbound API calls per delivered record, over the process's life: {@code crmbridge_inbound_api_calls_per_record}. */
    private Boolean registerPerRecord(String connection, String object) {
        meters.gauge("crmbridge.inbound.api.calls.per.record", tags(connection, object), meters, m -> {
            double calls = m.counter("crmbridge.inbound.api.calls", tags(connection, object)).count();
            double delivered = m.counter("crmbridge.inbound.records.delivered", tags(connection, object)).count();
            return delivered == 0 ? calls : calls / delivered;
        });
        return Boolean.TRUE;
    }

    /**
     * Where a poll's time went ({@code crmbridge_inbound_poll_seconds_total{part}}): {@code crm} waiting for CRM
     * answers, {@code read} turning pages into records, {@code prepare} loop guard and normalizing, {@code write} the
     * table intake's page transactions.
     */
    void time(PollState state) {
        for (PollState.Part part : PollState.Part.values()) {
            meters.counter("crmbridge.inbound.poll.seconds", tags(state.connection, state.object)
                    .and("part", part.name().toLowerCase(java.util.Locale.ROOT)))
                    .increment(state.nanos[part.ordinal()] / 1e9);
        }
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
