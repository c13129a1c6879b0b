package io.crmbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import io.crmbridge.model.ExchangeKeys;

/**
 * The idempotent ledger (docs/architecture.md, "The ledger"): Camel's {@link IdempotentRepository} on table {@code ledger}.
 *
 * <p>Unlike Camel's stock JDBC repository, the table has a primary key and {@link #add} inserts with
 * {@code ON CONFLICT DO NOTHING}, so two nodes cannot both record a key. Used non-eagerly: the key is written after the
 * effect succeeded. The ledger is append-only: {@link #remove} and {@link #clear} change nothing.
 */
public class JdbcLedger extends ServiceSupport implements IdempotentRepository {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final DataSource dataSource;
    private final String scope;

    public JdbcLedger(DataSource dataSource, String scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    @Override
    public boolean add(String key) {
        return update("INSERT INTO ledger (ledger_key, scope) VALUES (?, ?) ON CONFLICT (ledger_key) DO NOTHING", key) == 1;
    }

    /**
     * Records the key with the event that made its effects (header {@code eventId}, when it is one): a later attempt of
     * the same event that finds the key knows it is its own work, not another event's ({@link #contains(Exchange, String)}).
     */
    @Override
    public boolean add(Exchange exchange, String key) {
        String eventId = exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class);
        if (eventId == null || !UUID_TEXT.matcher(eventId).matches()) {
            return add(key);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger (ledger_key, scope, event_id) VALUES (?, ?, CAST(? AS uuid)) ON CONFLICT (ledger_key) DO NOTHING")) {
            ps.setString(1, key);
            ps.setString(2, scope);
            ps.setString(3, eventId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("ledger write failed for " + key, e);
        }
    }

    /**
     * Whether another event already made the effects of {@code key}. A key the exchange's own event recorded (an earlier
     * attempt that ended before its status did: a SIGKILL, a lease lost to a second claim) does not count: the event
     * runs again, its writes find their records (search before create), and it ends with its own outcome, not as a
     * duplicate of itself.
     */
    @Override
    public boolean contains(Exchange exchange, String key) {
        String eventId = exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT CAST(event_id AS text) FROM ledger WHERE ledger_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && (eventId == null || !eventId.equalsIgnoreCase(String.valueOf(rs.getString(1))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger lookup failed for " + key, e);
        }
    }

    @Override
    public boolean contains(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ledger WHERE ledger_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger lookup failed for " + key, e);
        }
    }

    /** Append-only: a processed key is never forgotten. */
    @Override
    public boolean remove(String key) {
        return false;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Append-only: never cleared from Camel. */
    @Override
    public void clear() {
        // intentionally empty
    }

    private int update(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, scope);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("ledger write failed for " + key, e);
        }
    }
}
