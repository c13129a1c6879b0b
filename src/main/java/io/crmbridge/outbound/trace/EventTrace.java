package io.crmbridge.outbound.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.db.PgText;
import io.crmbridge.model.ExchangeKeys;

/**
 * Writes {@code event_trace}: one row per event, rewritten at the end of every attempt with what the attempt learned
 * and its final status. Responses and decisions of earlier attempts are kept (appended), so the row tells the whole
 * story of an event that was retried or replayed.
 */
@ApplicationScoped
@Named("eventTrace")
public class EventTrace {

    private static final Logger LOG = Logger.getLogger(EventTrace.class);
    private static final String UPSERT = """
            INSERT INTO event_trace AS t (event_id, source, normalized, validation, decisions, crm_ids, responses,
                attempts, final_status, updated_at)
            VALUES (CAST(? AS uuid), ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb),
                CAST(? AS jsonb), ?, ?, now())
            ON CONFLICT (event_id) DO UPDATE SET
                normalized = coalesce(excluded.normalized, t.normalized),
                validation = coalesce(excluded.validation, t.validation),
                decisions = t.decisions || excluded.decisions,
                crm_ids = t.crm_ids || excluded.crm_ids,
                responses = t.responses || excluded.responses,
                attempts = excluded.attempts, final_status = excluded.final_status, updated_at = now()""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    EventTrace(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public static TraceBuffer of(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.EVENT_TRACE, TraceBuffer.class);
    }

    /** Writes the attempt's trace with {@code status}; never fails the caller (the event's outcome matters more). */
    public void save(TraceBuffer trace, String status) {
        if (trace == null) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, trace.eventId);
            ps.setString(2, PgText.safe(trace.source));
            ps.setString(3, PgText.safeJson(trace.normalized == null ? null : json.writeValueAsString(trace.normalized)));
            ps.setString(4, PgText.safeJson(trace.validation == null ? null : json.writeValueAsString(trace.validation)));
            ps.setString(5, PgText.safeJson(json.writeValueAsString(trace.decisions)));
            ps.setString(6, PgText.safeJson(json.writeValueAsString(trace.crmIds)));
            ps.setString(7, PgText.safeJson(json.writeValueAsString(trace.responses)));
            ps.setInt(8, trace.attempts);
            ps.setString(9, status);
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            LOG.errorf(e, "event_trace write failed for event %s", trace.eventId);
        }
    }
}
