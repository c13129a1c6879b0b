package io.crmbridge.outbound.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import jakarta.enterprise.context.ApplicationScoped;

import io.crmbridge.db.PgText;

/**
 * The one writer of an outbound event's {@code dead_letter} row: called once per dead event, in the same transaction
 * as the event's DEAD status, so a dead event has exactly one row. (CRM calls made outside an event, e.g. by the
 * poller or a test, still have the error channel of routes/errors.yaml.) Every text is made safe for PostgreSQL.
 */
@ApplicationScoped
public class DeadLetters {

    /** What is kept: the raw event as received (payload), the failure, and the CRM request and answer if any. */
    public record Row(String eventId, String routeId, String endpoint, String payload, String errorClass,
            String errorMessage, int attempts, Integer responseStatus, String responseBody, String crmRequest) {
    }

    public void insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letter (event_id, route_id, endpoint, payload, "
                + "error_class, error_message, attempts, response_status, response_body, crm_request) "
                + "VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.eventId());
            ps.setString(2, PgText.safe(row.routeId()));
            ps.setString(3, PgText.safe(row.endpoint(), PgText.MAX_MESSAGE));
            ps.setString(4, PgText.safe(row.payload()));
            ps.setString(5, PgText.safe(row.errorClass()));
            ps.setString(6, PgText.safe(row.errorMessage(), PgText.MAX_MESSAGE));
            ps.setInt(7, row.attempts());
            if (row.responseStatus() == null) {
                ps.setNull(8, Types.INTEGER);
            } else {
                ps.setInt(8, row.responseStatus());
            }
            ps.setString(9, PgText.safe(row.responseBody()));
            ps.setString(10, PgText.safe(row.crmRequest()));
            ps.executeUpdate();
        }
    }
}
