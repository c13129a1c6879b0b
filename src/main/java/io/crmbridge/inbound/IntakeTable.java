package io.crmbridge.inbound;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The table sink's statements for a whole poll page, on the caller's connection (its transaction also advances the
 * cursor, see {@link PageIntake}): the page's new ledger entries and their {@code intake_outbox} rows in one
 * statement (the page as one JSON document), and review items for records that could not be written.
 */
@ApplicationScoped
public class IntakeTable {

    private final ObjectMapper json;

    IntakeTable(ObjectMapper json) {
        this.json = json;
    }

    /** One record ready for the outbox: its ledger key, origin, id, version and payload (JSON). */
    public record Row(String ledgerKey, String origin, String recordId, String version, String payload) {
    }

    /**
     * The page as one JSON array of rows (each payload already JSON, written into it as it is: no escaping into text
     * arrays and no cast per row), its ledger entries inserted in key order (two pollers at once take the keys in one
     * order, so they wait for each other instead of deadlocking); a key already in the ledger inserts nothing, and
     * only the keys inserted now get an outbox row. Answers those keys.
     */
    private static final String PAGE = """
            WITH input AS (
                SELECT * FROM jsonb_to_recordset(CAST(? AS jsonb))
                    AS t(ledger_key text, origin text, record_id text, version text, payload jsonb)),
            entry AS (
                INSERT INTO ledger (ledger_key, scope) SELECT ledger_key, 'inbound' FROM input ORDER BY ledger_key
                ON CONFLICT (ledger_key) DO NOTHING RETURNING ledger_key)
            INSERT INTO intake_outbox (origin, connection, object, record_id, version, payload, ledger_key)
            SELECT i.origin, ?, ?, i.record_id, i.version, i.payload, i.ledger_key
            FROM input i JOIN entry e ON e.ledger_key = i.ledger_key
            RETURNING ledger_key""";

    /** A refused record's ledger entry and review item: it reaches the review queue once, however often it is read. */
    private static final String REVIEW = """
            WITH entry AS (
                INSERT INTO ledger (ledger_key, scope) VALUES (?, 'inbound')
                ON CONFLICT (ledger_key) DO NOTHING RETURNING ledger_key)
            INSERT INTO review_item (reason_code, reason, payload, route_id)
            SELECT 'INBOUND_RECORD_INVALID', ?, ?, ? FROM entry""";

    /** Writes the rows whose ledger key is new (rows must have distinct keys); answers the keys written. */
    Set<String> insert(Connection c, String connection, String object, List<Row> rows) throws SQLException {
        Set<String> written = new HashSet<>();
        if (rows.isEmpty()) {
            return written;
        }
        try (PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setString(1, pageJson(rows));
            ps.setString(2, connection);
            ps.setString(3, object);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    written.add(rs.getString(1));
                }
            }
        }
        return written;
    }

    /** The rows as the JSON array statement {@link #PAGE} reads; each payload is JSON already and goes in as it is. */
    private String pageJson(List<Row> rows) {
        StringWriter out = new StringWriter(rows.stream().mapToInt(r -> r.payload().length() + 200).sum());
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (Row row : rows) {
                g.writeStartObject();
                g.writeStringField("ledger_key", row.ledgerKey());
                g.writeStringField("origin", row.origin());
                g.writeStringField("record_id", row.recordId());
                g.writeStringField("version", row.version());
                g.writeFieldName("payload");
                g.writeRawValue(row.payload());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the page could not be written as JSON", e);
        }
        return out.toString();
    }

    /**
     * A record the intake cannot take (why, and the record as polled) goes to the review queue, with its ledger entry
     * so that it does so once; false when the ledger already had it.
     */
    boolean review(Connection c, String ledgerKey, String reason, String payload, String routeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REVIEW)) {
            ps.setString(1, ledgerKey);
            ps.setString(2, reason);
            ps.setString(3, payload);
            ps.setString(4, routeId);
            return ps.executeUpdate() == 1;
        }
    }
}
