package io.crmbridge.outbound.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.outbound.queue.EventQueue;
import io.crmbridge.outbound.trace.EventTrace;
import io.crmbridge.outbound.trace.TraceBuffer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How an attempt that did not fail ends: DONE, DUPLICATE (the ledger already has its key), SKIPPED (loop guard) or
 * REJECTED (decide said so). Sets the queue status, writes the trace and counts it.
 */
@ApplicationScoped
@Named("eventOutcomes")
public class EventOutcomes {

    private final EventQueue queue;
    private final EventTrace trace;
    private final MeterRegistry meters;
    private final DataSource dataSource;

    EventOutcomes(EventQueue queue, EventTrace trace, MeterRegistry meters, DataSource dataSource) {
        this.queue = queue;
        this.trace = trace;
        this.meters = meters;
        this.dataSource = dataSource;
    }

    public void done(Exchange exchange) throws SQLException {
        if (!end(exchange, "DONE", null)) {
            // not this worker's to settle: a worker that lost the event's lease leaves its dead letters to the holder
            return;
        }
        // A dead letter of this event (it was replayed from there) is settled: the event went through.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE dead_letter SET resolution = 'event completed after replay' "
                        + "WHERE event_id = CAST(? AS uuid) AND resolution IS NULL")) {
            ps.setString(1, eventId(exchange));
            ps.executeUpdate();
        }
    }

    public void duplicate(Exchange exchange) {
        EventTrace.of(exchange).decision("event", "duplicate",
                "ledger already holds " + exchange.getMessage().getHeader(ExchangeKeys.LEDGER_KEY));
        meters.counter("crmbridge.events.duplicates").increment();
        end(exchange, "DUPLICATE", null);
    }

    public void loopSuppressed(Exchange exchange) {
        EventTrace.of(exchange).decision("event", "skip", "loop guard: the event originated in the CRM it would be written to");
        meters.counter("crmbridge.loops.suppressed", "side", "outbound").increment();
        end(exchange, "SKIPPED", "loop_suppressed");
    }

    public void rejected(Exchange exchange) {
        end(exchange, "REJECTED", exchange.getProperty(ExchangeKeys.REJECT_REASON, String.class));
    }

    private boolean end(Exchange exchange, String status, String note) {
        if (!queue.finish(eventId(exchange), status, note)) {
            return false; // the lease was lost: the event's holder records the outcome
        }
        TraceBuffer buffer = EventTrace.of(exchange);
        trace.save(buffer, status);
        meters.counter("crmbridge.events", "status", status).increment();
        return true;
    }

    private static String eventId(Exchange exchange) {
        return exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class);
    }
}
