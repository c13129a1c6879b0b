package io.crmbridge.connection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Table {@code connection_state}: the one state of each connection that every replica reads (NEEDS_REAUTH and its
 * reason, the credentials version), and the rotated refresh token, so a restart keeps them.
 */
@ApplicationScoped
public class ConnectionStateStore implements SharedConnectionState {

    public record State(String state, String reason, Instant accessTokenExpiresAt, String refreshToken, long refreshCount,
            long credentialsVersion) {
    }

    private static final String FIND = """
            SELECT state, reason, access_token_expires_at, refresh_token, refresh_count, credentials_version
            FROM connection_state WHERE connection = ?
            """;

    // Only from ACTIVE, and only when no newer credentials arrived since the failing call began.
    private static final String MARK_NEEDS_REAUTH = """
            INSERT INTO connection_state AS s (connection, state, reason, updated_at) VALUES (?, 'NEEDS_REAUTH', ?, now())
            ON CONFLICT (connection) DO UPDATE SET state = 'NEEDS_REAUTH', reason = EXCLUDED.reason,
                access_token_expires_at = NULL, updated_at = now()
            WHERE s.state <> 'NEEDS_REAUTH' AND s.credentials_version <= ?
            """;

    private static final String REAUTHORIZE = """
            INSERT INTO connection_state AS s (connection, state, refresh_token, credentials_version, updated_at)
            VALUES (?, 'ACTIVE', ?, 1, now())
            ON CONFLICT (connection) DO UPDATE SET state = 'ACTIVE', reason = NULL, access_token_expires_at = NULL,
                refresh_token = COALESCE(EXCLUDED.refresh_token, s.refresh_token),
                credentials_version = s.credentials_version + 1, updated_at = now()
            RETURNING credentials_version
            """;

    private static final String RECORD_REFRESH = """
            INSERT INTO connection_state AS s (connection, state, access_token_expires_at, refresh_token, refresh_count, updated_at)
            VALUES (?, 'ACTIVE', ?, ?, 1, now())
            ON CONFLICT (connection) DO UPDATE SET access_token_expires_at = EXCLUDED.access_token_expires_at,
                refresh_token = COALESCE(EXCLUDED.refresh_token, s.refresh_token),
                refresh_count = s.refresh_count + 1, updated_at = now()
            """;

    private final DataSource dataSource;

    ConnectionStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<State> find(String connection) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, connection);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp expires = rs.getTimestamp(3);
                return Optional.of(new State(rs.getString(1), rs.getString(2), expires == null ? null : expires.toInstant(),
                        rs.getString(4), rs.getLong(5), rs.getLong(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading connection_state for " + connection, e);
        }
    }

    @Override
    public View read(String connection) {
        return find(connection)
                .map(s -> new View("NEEDS_REAUTH".equals(s.state()) ? reasonOf(s) : null, s.credentialsVersion(),
                        s.refreshToken(), s.refreshCount()))
                .orElse(View.NEW);
    }

    @Override
    public boolean markNeedsReauth(String connection, String reason, long failedVersion) {
        return update(MARK_NEEDS_REAUTH, connection, reason, failedVersion) == 1;
    }

    @Override
    public long reauthorize(String connection, String refreshTokenOrNull) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REAUTHORIZE)) {
            ps.setString(1, connection);
            ps.setString(2, refreshTokenOrNull == null || refreshTokenOrNull.isBlank() ? null : refreshTokenOrNull);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing connection_state for " + connection, e);
        }
    }

    @Override
    public void recordRefresh(String connection, Instant expiresAt, String refreshToken) {
        update(RECORD_REFRESH, connection,
                expiresAt == null || expiresAt.equals(Instant.MAX) ? null : Timestamp.from(expiresAt), refreshToken);
    }

    private static String reasonOf(State s) {
        return s.reason() == null || s.reason().isBlank() ? "needs re-authorization" : s.reason();
    }

    private int update(String sql, String connection, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connection);
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 2, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing connection_state for " + connection, e);
        }
    }
}
