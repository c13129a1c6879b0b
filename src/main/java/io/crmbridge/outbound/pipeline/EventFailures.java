package io.crmbridge.outbound.pipeline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.connection.ConnectionPausedException;
import io.crmbridge.crm.CrmCallException;
import io.crmbridge.connection.CrmCallSteps;
import io.crmbridge.db.PgText;
import io.crmbridge.db.TransientDatabaseErrors;
import io.crmbridge.ledger.KeyBusyException;
import io.crmbridge.ops.OperatorAlerts;
import io.crmbridge.outbound.ReviewRequired;
import io.crmbridge.outbound.queue.ClaimedEvent;
import io.crmbridge.outbound.queue.DeadLetters;
import io.crmbridge.outbound.queue.DispatchConfig;
import io.crmbridge.outbound.queue.EventQueue;
import io.crmbridge.outbound.trace.EventTrace;
import io.crmbridge.outbound.trace.TraceBuffer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The error channels of route {@code event-process} (docs/architecture.md, "Error classes"), one method per class of failure. Each
 * keeps the original payload (the raw event), sets the queue status and writes the trace. The ledger key of a failed
 * event is never recorded, so a replay runs the event again.
 *
 * <p>No failure may leave an event unfinished: every text is made safe for PostgreSQL, the record of a failure and the
 * event's status commit together, and when recording itself fails the event still ends DEAD ({@link #lastResort}).
 */
@ApplicationScoped
@Named("eventFailures")
public class EventFailures {

    private static final Logger LOG = Logger.getLogger(EventFailures.class);

    private final EventQueue queue;
    private final EventTrace trace;
    private final DataSource dataSource;
    private final DeadLetters deadLetters;
    private final OperatorAlerts alerts;
    private final MeterRegistry meters;
    private final DispatchConfig config;

    EventFailures(EventQueue queue, EventTrace trace, DataSource dataSource, DeadLetters deadLetters, OperatorAlerts alerts,
            MeterRegistry meters, DispatchConfig config) {
        this.queue = queue;
        this.trace = trace;
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
        this.meters = meters;
        this.config = config;
    }

    /** Another replica took the event before this worker began it: its holder records the outcome, not this one. */
    public void leaseLost(Exchange exchange) {
        exchange.setProperty(Exchange.FAILURE_HANDLED, true);
        LOG.warnf("%s", message(exchange));
    }

    /** Malformed, invalid, ambiguous: a human looks at it before anything reaches the CRM. */
    public void review(Exchange exchange) {
        ReviewRequired review = cause(exchange, ReviewRequired.class);
        guarded(exchange, () -> toReview(exchange, review.code(), review.getMessage()));
    }

    /** The CRM refused a write as invalid; routes/errors.yaml has already put the CRM's answer in review_item. */
    public void crmReview(Exchange exchange) {
        guarded(exchange, () -> end(exchange, "REVIEW", message(exchange)));
    }

    /** 429/5xx/timeouts that outlived the call's redeliveries: the whole event is tried again later, then dead. */
    public void retryLater(Exchange exchange) {
        guarded(exchange, () -> retryOrDie(exchange));
    }

    /**
     * The event cannot go on now: its connection needs new credentials, is paused by a 429, another event holds its
     * keys, or a record changed between its read and its conditional write (a 412: a person's edit, or its own write
     * whose answer was lost). It goes back to the queue with its next attempt time, using no attempt, and decides again
     * on a fresh read; no thread waits and nothing is dropped.
     */
    public void waitForConnection(Exchange exchange) {
        guarded(exchange, () -> {
            exchange.setProperty(Exchange.FAILURE_HANDLED, true);
            ConnectionPausedException paused = cause(exchange, ConnectionPausedException.class);
            Instant notBefore = paused != null ? paused.until()
                    : cause(exchange, KeyBusyException.class) != null || cause(exchange, CrmCallException.Stale.class) != null
                            ? Instant.now().plus(config.busyKeyDelay())
                            : Instant.now().plus(config.reauthRecheck());
            if (queue.waitUntil(eventId(exchange), notBefore, message(exchange))) {
                trace.save(EventTrace.of(exchange), "WAITING");
            }
        });
    }

    /**
     * Anything the other channels do not take. A transient database failure is retried like a transient CRM failure;
     * an exception while the event's own content was read and checked (before it was accepted) is hostile or broken
     * input and goes to review; anything else is dead.
     */
    public void unexpected(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        guarded(exchange, () -> {
            if (TransientDatabaseErrors.isTransient(error)) {
                retryOrDie(exchange);
            } else if (!exchange.getProperty(ExchangeKeys.EVENT_ACCEPTED, false, Boolean.class) && cause(exchange, SQLException.class) == null) {
                toReview(exchange, "INVALID_INPUT", "the event could not be read: " + message(exchange));
            } else {
                toDead(exchange);
            }
        });
    }

    /** Attempts used up, or a failure nothing else explains: one dead_letter row, the event DEAD, the operator told. */
    public void dead(Exchange exchange) {
        guarded(exchange, () -> toDead(exchange));
    }

    // --- what each channel does ---

    private interface Step {
        void run() throws Exception;
    }

    private void guarded(Exchange exchange, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            lastResort(exchange, e);
        }
    }

    private void retryOrDie(Exchange exchange) throws SQLException {
        ClaimedEvent raw = exchange.getProperty(ExchangeKeys.RAW_EVENT, ClaimedEvent.class);
        if (queue.retryLater(raw.eventId(), raw.attempts(), message(exchange))) {
            exchange.setProperty(Exchange.FAILURE_HANDLED, true);
            meters.counter("crmbridge.events.retries").increment();
            trace.save(EventTrace.of(exchange), "QUEUED");
            return;
        }
        toDead(exchange);
    }

    private void toReview(Exchange exchange, String code, String reason) throws SQLException {
        inTransaction(exchange, "REVIEW", code + ": " + reason, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_item (event_id, reason_code, reason, payload, "
                    + "route_id) VALUES (CAST(? AS uuid), ?, ?, ?, ?)")) {
                ps.setString(1, eventId(exchange));
                ps.setString(2, PgText.safe(code));
                ps.setString(3, PgText.safe(reason, PgText.MAX_MESSAGE));
                ps.setString(4, PgText.safe(payload(exchange)));
                ps.setString(5, exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class));
                ps.executeUpdate();
            }
        });
    }

    private void toDead(Exchange exchange) throws SQLException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ClaimedEvent raw = exchange.getProperty(ExchangeKeys.RAW_EVENT, ClaimedEvent.class);
        CrmCallException crm = cause(exchange, CrmCallException.class);
        boolean ended = inTransaction(exchange, "DEAD", message(exchange), c -> deadLetters.insert(c, new DeadLetters.Row(
                eventId(exchange), exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class),
                exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class), payload(exchange),
                error == null ? null : error.getClass().getName(), message(exchange), raw == null ? 0 : raw.attempts(),
                crm == null ? null : crm.status(), crm == null ? null : crm.responseBody(),
                exchange.getProperty(ExchangeKeys.CRM_REQUEST_BODY, String.class))));
        if (ended) {
            alerts.raise("EVENT_DEAD_LETTERED", String.valueOf(exchange.getMessage().getHeader(ExchangeKeys.EVENT_SOURCE)),
                    "event " + eventId(exchange) + " was dead-lettered: " + message(exchange));
        }
    }

    private interface Record {
        void write(Connection c) throws SQLException;
    }

    /**
     * Writes the failure's record and the event's final status in one transaction; when this worker no longer holds
     * the event's lease, neither is written (the holder records its own outcome).
     */
    private boolean inTransaction(Exchange exchange, String status, String error, Record record) throws SQLException {
        // The exchange ends without an exception, but it failed: the idempotent consumer must not record its key.
        exchange.setProperty(Exchange.FAILURE_HANDLED, true);
        String eventId = eventId(exchange);
        if (eventId == null) {
            return false;
        }
        boolean held;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                record.write(c);
                held = queue.finish(c, eventId, status, error);
                if (held) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        if (held) {
            trace.save(EventTrace.of(exchange), status);
            meters.counter("crmbridge.events", "status", status).increment();
        }
        return held;
    }

    private void end(Exchange exchange, String status, String error) {
        exchange.setProperty(Exchange.FAILURE_HANDLED, true);
        String eventId = eventId(exchange);
        if (eventId != null && queue.finish(eventId, status, error)) {
            TraceBuffer buffer = EventTrace.of(exchange);
            trace.save(buffer, status);
            meters.counter("crmbridge.events", "status", status).increment();
        }
    }

    /**
     * Recording the failure failed too (the database refused the text, or went away): the event still ends, DEAD,
     * with what little can be said. If even that cannot be written, its lease runs out and the queue dead-letters it
     * after crmbridge.dispatch.max-claims claims.
     */
    private void lastResort(Exchange exchange, Exception recordingFailure) {
        exchange.setProperty(Exchange.FAILURE_HANDLED, true);
        String eventId = eventId(exchange);
        LOG.errorf(recordingFailure, "Event %s: recording its failure (%s) failed; ending it DEAD", eventId, message(exchange));
        if (eventId == null) {
            return;
        }
        String why = "last resort: " + message(exchange) + "; recording it failed: " + recordingFailure;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                deadLetters.insert(c, new DeadLetters.Row(eventId, "event-process", null, null,
                        recordingFailure.getClass().getName(), why, 0, null, null, null));
                if (queue.finish(c, eventId, "DEAD", why)) {
                    c.commit();
                    meters.counter("crmbridge.events", "status", "DEAD").increment();
                } else {
                    c.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Event %s: even the last-resort DEAD could not be written; its lease will run out", eventId);
        }
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
        ClaimedEvent raw = exchange.getProperty(ExchangeKeys.RAW_EVENT, ClaimedEvent.class);
        return raw == null ? exchange.getMessage().getBody(String.class) : new String(raw.body(), StandardCharsets.UTF_8);
    }

    private static String eventId(Exchange exchange) {
        ClaimedEvent raw = exchange.getProperty(ExchangeKeys.RAW_EVENT, ClaimedEvent.class);
        return raw == null ? exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class) : raw.eventId();
    }

    private static String message(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error == null ? "unknown failure" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
