package io.crmbridge.loopguard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.Timestamps;

/**
 * Origin stamps (docs/architecture.md, "Loop guard"; table {@code origin_stamp}): what the outbound side last wrote to a CRM record.
 *
 * <p>The outbound side calls {@link #stamp} after every successful CRM write, with the properties exactly as it sent
 * them (API names to values). The inbound loop guard then compares the same properties of the polled record with
 * {@link Fingerprints}: equal means the change is our own echo. Passing the CRM's modification time from the write's
 * answer ({@code updatedAt}) also lets through a later human edit of properties we did not write.
 */
@ApplicationScoped
@Named("originStamps")
public class OriginStamps {

    /**
     * The last write of the bridge to one CRM record, and the fingerprint of the last value it wrote to each property
     * (empty where not read).
     */
    public record Stamp(String fingerprint, List<String> properties, Instant crmModifiedAt,
            Map<String, String> valueFingerprints) {

        public Stamp(String fingerprint, List<String> properties, Instant crmModifiedAt) {
            this(fingerprint, properties, crmModifiedAt, Map.of());
        }
    }

    private static final String UPSERT = "INSERT INTO origin_stamp (connection, object, crm_id, fingerprint, event_id,"
            + " properties, crm_modified_at, value_fingerprints) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb))"
            + " ON CONFLICT (connection, object, crm_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
            + " event_id = EXCLUDED.event_id, properties = EXCLUDED.properties,"
            + " value_fingerprints = origin_stamp.value_fingerprints || EXCLUDED.value_fingerprints,"
            + " crm_modified_at = EXCLUDED.crm_modified_at, written_at = now()";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    OriginStamps(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Stamp a write: connection, object (e.g. {@code contacts}), the CRM's record id, the properties as sent, the
     * event, and the CRM's modification time after the write (ISO-8601 or epoch millis; may be null).
     */
    public void stamp(String connection, String object, String crmId, Map<String, String> writtenProperties,
            String eventId, String crmModifiedAt) {
        Instant modified = Timestamps.parse(crmModifiedAt);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, connection);
            ps.setString(2, object);
            ps.setString(3, crmId);
            ps.setString(4, Fingerprints.of(writtenProperties));
            ps.setObject(5, uuidOrNull(eventId));
            ps.setString(6, json.writeValueAsString(new TreeSet<>(writtenProperties.keySet())));
            ps.setObject(7, modified == null ? null : OffsetDateTime.ofInstant(modified, ZoneOffset.UTC));
            ps.setString(8, json.writeValueAsString(valueFingerprints(writtenProperties)));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("origin stamp failed for " + connection + "/" + object + "/" + crmId, e);
        }
    }

    /**
     * The bridge changed the record again without changing the stamped properties (a link kept as a field): the
     * record's modification time of that change, so the poll does not take it for someone else's.
     */
    public void moved(String connection, String object, String crmId, Instant crmModifiedAt) {
        String sql = "UPDATE origin_stamp SET crm_modified_at = greatest(crm_modified_at, ?) WHERE connection = ? AND "
                + "object = ? AND crm_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(crmModifiedAt, ZoneOffset.UTC));
            ps.setString(2, connection);
            ps.setString(3, object);
            ps.setString(4, crmId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("origin stamp of " + object + " " + crmId + ": " + e.getMessage(), e);
        }
    }

    public Optional<Stamp> find(String connection, String object, String crmId) {
        String sql = "SELECT fingerprint, properties::text, crm_modified_at FROM origin_stamp"
                + " WHERE connection = ? AND object = ? AND crm_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connection);
            ps.setString(2, object);
            ps.setString(3, crmId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                OffsetDateTime modified = rs.getObject(3, OffsetDateTime.class);
                return Optional.of(new Stamp(rs.getString(1), json.readValue(rs.getString(2), new TypeReference<List<String>>() {
                }), modified == null ? null : modified.toInstant()));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("origin stamp lookup failed for " + connection + "/" + object + "/" + crmId, e);
        }
    }

    /** Each written property's own fingerprint ({@link Fingerprints} of that one name and value). */
    public static Map<String, String> valueFingerprints(Map<String, String> written) {
        Map<String, String> out = new java.util.TreeMap<>();
        written.forEach((name, value) -> out.put(name, valueFingerprint(name, value)));
        return out;
    }

    public static String valueFingerprint(String property, String value) {
        return Fingerprints.of(java.util.Collections.singletonMap(property, value));
    }

    /** The last value the bridge wrote to each property of a record, as fingerprints (empty: never written). */
    public Map<String, String> writtenValues(String connection, String object, String crmId) {
        String sql = "SELECT value_fingerprints::text FROM origin_stamp WHERE connection = ? AND object = ? AND crm_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connection);
            ps.setString(2, object);
            ps.setString(3, crmId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? json.readValue(rs.getString(1), new TypeReference<Map<String, String>>() {
                }) : Map.of();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("origin stamp lookup failed for " + connection + "/" + object + "/" + crmId, e);
        }
    }

    /**
     * The stamps of those of {@code ids} the bridge ever wrote (only those can be its echo), with their value
     * fingerprints, in one statement: what a poll page's loop guard and history reads need.
     */
    public Map<String, Stamp> forIds(String connection, String object, List<String> ids) {
        Map<String, Stamp> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String sql = "SELECT crm_id, fingerprint, properties::text, crm_modified_at, value_fingerprints::text"
                + " FROM origin_stamp WHERE connection = ? AND object = ? AND crm_id = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connection);
            ps.setString(2, object);
            ps.setArray(3, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime modified = rs.getObject(4, OffsetDateTime.class);
                    out.put(rs.getString(1), new Stamp(rs.getString(2), json.readValue(rs.getString(3), STRINGS),
                            modified == null ? null : modified.toInstant(),
                            rs.getString(5) == null ? Map.of() : json.readValue(rs.getString(5), VALUES)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("origin stamp lookup failed for " + connection + "/" + object, e);
        }
        return out;
    }

    private static UUID uuidOrNull(String eventId) {
        try {
            return eventId == null ? null : UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
