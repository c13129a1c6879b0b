package io.crmbridge.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Table {@code sync_cursor}: the highest (modification time, record id) pair processed per connection object, the
 * poll's totals, and when it last succeeded. A page's cursor and totals are one statement, so they commit together;
 * the cursor never moves backwards (two pollers at once cannot rewind it).
 */
@ApplicationScoped
public class SyncCursors {

    /** What the freshness check and the admin API read. */
    public record Row(CursorPair cursor, Instant lastSuccessAt, Instant lastPageAt, Instant lastAttemptAt,
            String lastError, long recordsPolled, long recordsDelivered, long duplicatesSkipped, long loopsSuppressed) {
    }

    /** Counts of one committed page. */
    public record PageCounts(int polled, int delivered, int duplicates, int loops) {
    }

    private static final String NEWER = "sync_cursor.modified_at IS NULL OR EXCLUDED.modified_at > sync_cursor.modified_at"
            + " OR (EXCLUDED.modified_at = sync_cursor.modified_at"
            + " AND (length(EXCLUDED.record_id), EXCLUDED.record_id) > (length(sync_cursor.record_id), sync_cursor.record_id))";

    private static final String COMMIT_PAGE = "INSERT INTO sync_cursor (connection, object, modified_at, record_id,"
            + " last_page_at, records_polled, records_delivered, duplicates_skipped, loops_suppressed)"
            + " VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?)"
            + " ON CONFLICT (connection, object) DO UPDATE SET"
            + " modified_at = CASE WHEN " + NEWER + " THEN EXCLUDED.modified_at ELSE sync_cursor.modified_at END,"
            + " record_id = CASE WHEN " + NEWER + " THEN EXCLUDED.record_id ELSE sync_cursor.record_id END,"
            + " last_page_at = now(), updated_at = now(),"
            + " records_polled = sync_cursor.records_polled + EXCLUDED.records_polled,"
            + " records_delivered = sync_cursor.records_delivered + EXCLUDED.records_delivered,"
            + " duplicates_skipped = sync_cursor.duplicates_skipped + EXCLUDED.duplicates_skipped,"
            + " loops_suppressed = sync_cursor.loops_suppressed + EXCLUDED.loops_suppressed";

    private final DataSource dataSource;

    SyncCursors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Row> find(String connection, String object) {
        String sql = "SELECT modified_at, record_id, last_success_at, last_page_at, last_attempt_at, last_error,"
                + " records_polled, records_delivered, duplicates_skipped, loops_suppressed"
                + " FROM sync_cursor WHERE connection = ? AND object = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connection);
            ps.setString(2, object);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant modified = instant(rs, 1);
                CursorPair cursor = modified == null || rs.getString(2) == null ? null : new CursorPair(modified, rs.getString(2));
                return Optional.of(new Row(cursor, instant(rs, 3), instant(rs, 4), instant(rs, 5), rs.getString(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cursor lookup failed for " + connection + "/" + object, e);
        }
    }

    /** A poll starts: {@code last_attempt_at}. */
    public void attempt(String connection, String object) {
        update("INSERT INTO sync_cursor (connection, object, last_attempt_at) VALUES (?, ?, now())"
                + " ON CONFLICT (connection, object) DO UPDATE SET last_attempt_at = now(), updated_at = now()",
                connection, object);
    }

    /** A page's records are committed: move the cursor up to {@code highest} (never down) and add the counts. */
    public void commitPage(String connection, String object, CursorPair highest, PageCounts counts) {
        try (Connection c = dataSource.getConnection()) {
            commitPage(c, connection, object, highest, counts);
        } catch (SQLException e) {
            throw new IllegalStateException("cursor commit failed for " + connection + "/" + object, e);
        }
    }

    /** The same on the caller's connection, inside the transaction that wrote the page's work. */
    void commitPage(Connection c, String connection, String object, CursorPair highest, PageCounts counts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COMMIT_PAGE)) {
            ps.setString(1, connection);
            ps.setString(2, object);
            ps.setObject(3, highest == null ? null : OffsetDateTime.ofInstant(highest.modifiedAt(), ZoneOffset.UTC));
            ps.setString(4, highest == null ? null : highest.recordId());
            ps.setInt(5, counts.polled());
            ps.setInt(6, counts.delivered());
            ps.setInt(7, counts.duplicates());
            ps.setInt(8, counts.loops());
            ps.executeUpdate();
        }
    }

    /** The poll read every page: {@code last_success_at}, and the last error is over. */
    public void success(String connection, String object) {
        update("UPDATE sync_cursor SET last_success_at = now(), last_error = NULL, updated_at = now()"
                + " WHERE connection = ? AND object = ?", connection, object);
    }

    /** The poll failed: the cursor stays where the last committed page left it. */
    public void failure(String connection, String object, String error) {
        update("UPDATE sync_cursor SET last_error = ?, updated_at = now() WHERE connection = ? AND object = ?",
                error, connection, object);
    }

    /** Operator reset (and tests): the next poll starts from the beginning. Totals are kept. */
    public void reset(String connection, String object) {
        update("UPDATE sync_cursor SET modified_at = NULL, record_id = NULL, updated_at = now()"
                + " WHERE connection = ? AND object = ?", connection, object);
    }

    private void update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cursor update failed: " + String.join(" / ", params), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
