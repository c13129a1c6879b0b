package io.crmbridge.outbound.decide;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.crmbridge.outbound.normalize.EventKeys;

/**
 * Writes the origin stamp of a CRM record this side has just written (DESIGN.md section 4): the fingerprint is the
 * SHA-256 of the written properties sorted by name ({@code name=value} lines), so the poller can recognise its own
 * echo. Stand-in with the signature of the inbound side's {@code originStamps.stamp}; the two are to be reconciled.
 */
@ApplicationScoped
@Named("originStampWriter")
public class OriginStampWriter {

    private final DataSource dataSource;

    OriginStampWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void stamp(String connection, String object, String crmId, Map<String, String> writtenProperties,
            String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO origin_stamp (connection, object, crm_id, fingerprint, event_id, written_at)
                VALUES (?, ?, ?, ?, CAST(? AS uuid), now())
                ON CONFLICT (connection, object, crm_id) DO UPDATE SET fingerprint = excluded.fingerprint,
                    event_id = excluded.event_id, written_at = now()""")) {
            ps.setString(1, connection);
            ps.setString(2, object);
            ps.setString(3, crmId);
            ps.setString(4, fingerprint(writtenProperties));
            ps.setString(5, eventId);
            ps.executeUpdate();
        }
    }

    public static String fingerprint(Map<String, String> properties) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(properties).forEach((k, v) -> canonical.append(k).append('=').append(v == null ? "" : v).append('\n'));
        return EventKeys.sha256(canonical.toString());
    }
}
