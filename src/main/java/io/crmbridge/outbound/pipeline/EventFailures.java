package io.crmbridge.outbound.pipeline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.connection.CrmCallException;
import io.crmbridge.ops.OperatorAlerts;
import io.crmbridge.outbound.ReviewRequired;
import io.crmbridge.outbound.queue.ClaimedEvent;
import io.crmbridge.outbound.queue.EventQueue;
import io.crmbridge.outbound.trace.EventTrace;
import io.crmbridge.outbound.trace.TraceBuffer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The error channels of route {@code event-process} (DESIGN.md section 5), one method per class of failure. Each
 * keeps the original payload (the raw event), sets the queue status and writes the trace. The ledger key of a failed
 * event is never recorded, so a replay runs the event again.
 */
@ApplicationScoped
@Named("eventFailures")
public class EventFailures {

    private final EventQueue queue;
    private final EventTrace trace;
    private final DataSource dataSource;
    private final OperatorAlerts alerts;
    private final MeterRegistry meters;

    EventFailures(EventQueue queue, EventTrace trace, DataSource dataSource, OperatorAlerts alerts, MeterRegistry meters) {
        this.queue = queue;
        this.trace = trace;
        this.dataSource = dataSource;
        this.alerts = alerts;
        this.meters = meters;
    }

    /** Malformed, invalid, ambiguous: a human looks at it before anything reaches the CRM. */
    public void review(Exchange exchange) throws SQLException {
        ReviewRequired review = cause(exchange, ReviewRequired.class);
        insert("INSERT INTO review_item (event_id, reason_code, reason, payload, route_id) "
                + "VALUES (CAST(? AS uuid), ?, ?, ?, ?)", eventId(exchange), review.code(), review.getMessage(),
                payload(exchange), exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class));
        end(exchange, "REVIEW", review.code() + ": " + review.getMessage());
    }

    /** The CRM refused a write as invalid; routes/errors.yaml has already put the CRM's answer in review_item. */
    public void crmReview(Exchange exchange) {
        end(exchange, "REVIEW", message(exchange));
    }

    /** 429/5xx/timeouts that outlived the call's redeliveries: the whole event is tried again later, then dead. */
    public void retryLater(Exchange exchange) throws SQLException {
        ClaimedEvent raw = exchange.getProperty(EventSteps.RAW, ClaimedEvent.class);
        if (queue.retryLater(raw.eventId(), raw.attempts(), message(exchange))) {
            exchange.setProperty(Exchange.FAILURE_HANDLED, true);
            meters.counter("crmbridge.events.retries").increment();
            trace.save(EventTrace.of(exchange), "QUEUED");
            return;
        }
        dead(exchange);
    }

    /** The connection needs new credentials: the event waits for them, nothing is dropped. */
    public void waitForConnection(Exchange exchange) {
        exchange.setProperty(Exchange.FAILURE_HANDLED, true);
        queue.waitForConnection(eventId(exchange), message(exchange));
        trace.save(EventTrace.of(exchange), "WAITING");
    }

    /** Anything else, or attempts used up: the dead-letter table with the original payload, and the operator told. */
    public void dead(Exchange exchange) throws SQLException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ClaimedEvent raw = exchange.getProperty(EventSteps.RAW, ClaimedEvent.class);
        CrmCallException crm = cause(exchange, CrmCallException.class);
        Integer status = crm == null ? null : crm.status();
        String response = crm == null ? null : crm.responseBody();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dead_letter (event_id, route_id, endpoint, payload, error_class, error_message, attempts, "
                        + "response_status, response_body) VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, eventId(exchange));
            ps.setString(2, exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class));
            ps.setString(3, exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class));
            ps.setString(4, payload(exchange));
            ps.setString(5, error == null ? null : error.getClass().getName());
            ps.setString(6, message(exchange));
            ps.setInt(7, raw == null ? 0 : raw.attempts());
            ps.setObject(8, status);
            ps.setString(9, response);
            ps.executeUpdate();
        }
        end(exchange, "DEAD", message(exchange));
        alerts.raise("EVENT_DEAD_LETTERED", String.valueOf(exchange.getMessage().getHeader("eventSource")),
                "event " + eventId(exchange) + " was dead-lettered: " + message(exchange));
    }

    private void end(Exchange exchange, String status, String error) {
        // The exchange ends without an exception, but it failed: the idempotent consumer must not record its key.
        exchange.setProperty(Exchange.FAILURE_HANDLED, true);
        String eventId = eventId(exchange);
        if (eventId == null) {
            return;
        }
        queue.finish(eventId, status, error);
        TraceBuffer buffer = EventTrace.of(exchange);
        trace.save(buffer, status);
        meters.counter("crmbridge.events", "status", status).increment();
    }

    /** The first exception of {@code type} in the caught exception's cause chain. */
    static <T extends Throwable> T cause(Exchange exchange, Class<T> type) {
        for (Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String payload(Exchange exchange) {
        ClaimedEvent raw = exchange.getProperty(EventSteps.RAW, ClaimedEvent.class);
        return raw == null ? exchange.getMessage().getBody(String.class) : new String(raw.body(), StandardCharsets.UTF_8);
    }

    private static String eventId(Exchange exchange) {
        ClaimedEvent raw = exchange.getProperty(EventSteps.RAW, ClaimedEvent.class);
        return raw == null ? exchange.getMessage().getHeader("eventId", String.class) : raw.eventId();
    }

    private static String message(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error == null ? "unknown failure" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private void insert(String sql, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
