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

/** Table {@code connection_state}: token state and the rotated refresh token, so a restart keeps them. */
@ApplicationScoped
public class ConnectionStateStore {

    public record State(String state, String reason, Instant accessTokenExpiresAt, String refreshToken, long refreshCount) {
    }

    private static final String UPSERT = """
            INSERT INTO connection_state (connection, state, reason, access_token_expires_at, refresh_token, refresh_count, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (connection) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason,
                access_token_expires_at = EXCLUDED.access_token_expires_at,
                refresh_token = COALESCE(EXCLUDED.refresh_token, connection_state.refresh_token),
                refresh_count = EXCLUDED.refresh_count, updated_at = now()
            """;

    private final DataSource dataSource;

    ConnectionStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<State> find(String connection) {
        String sql = "SELECT state, reason, access_token_expires_at, refresh_token, refresh_count FROM connection_state WHERE connection = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connection);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp expires = rs.getTimestamp(3);
                return Optional.of(new State(rs.getString(1), rs.getString(2), expires == null ? null : expires.toInstant(),
                        rs.getString(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading connection_state for " + connection, e);
        }
    }

    public void save(String connection, State state) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, connection);
            ps.setString(2, state.state());
            ps.setString(3, state.reason());
            ps.setTimestamp(4, state.accessTokenExpiresAt() == null || state.accessTokenExpiresAt().equals(Instant.MAX)
                    ? null : Timestamp.from(state.accessTokenExpiresAt()));
            ps.setString(5, state.refreshToken());
            ps.setLong(6, state.refreshCount());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing connection_state for " + connection, e);
        }
    }
}
