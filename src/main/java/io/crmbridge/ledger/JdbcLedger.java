package io.crmbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The idempotent ledger (DESIGN.md section 1): Camel's {@link IdempotentRepository} on table {@code ledger}.
 *
 * <p>Unlike Camel's stock JDBC repository, the table has a primary key and {@link #add} inserts with
 * {@code ON CONFLICT DO NOTHING}, so two nodes cannot both record a key. Used non-eagerly: the key is written after the
 * effect succeeded. The ledger is append-only: {@link #remove} and {@link #clear} change nothing.
 */
public class JdbcLedger extends ServiceSupport implements IdempotentRepository {

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
