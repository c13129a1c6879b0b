package io.crmbridge.connection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.crmbridge.crm.CrmCallException;

/**
 * A connection's rate limit as one token bucket in PostgreSQL (table {@code rate_limit_bucket}, functions
 * {@code rate_limit_lease} and {@code rate_limit_pause}), shared by every replica on the database. Each lease is one
 * statement; the bucket row's lock is held for that statement only.
 */
public final class SharedPermits implements RateGate.PermitSource {

    private final DataSource dataSource;
    private final String connection;
    private final RateBudget budget;

    public SharedPermits(DataSource dataSource, String connection, RateBudget budget) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.budget = budget;
    }

    @Override
    public RateGate.Lease lease(int wanted) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT granted, wait_ms FROM rate_limit_lease(?, ?, ?, ?, ?)")) {
            ps.setString(1, connection);
            ps.setInt(2, wanted);
            ps.setInt(3, atLeast(wanted));
            ps.setDouble(4, budget.capacity());
            ps.setDouble(5, budget.perSecond());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RateGate.Lease(rs.getInt(1), Duration.ofMillis(rs.getLong(2)));
            }
        } catch (SQLException e) {
            // The database is briefly unreachable: the call is retried later like any transient failure.
            throw new CrmCallException.Retryable(connection, 0, null,
                    "leasing rate-limit permits failed: " + e.getMessage());
        }
    }

    /** A quarter of what was asked for: a replica that wants a block waits for a useful part of it, not a crumb. */
    static int atLeast(int wanted) {
        return Math.max(1, (wanted + 3) / 4);
    }

    @Override
    public void pause(Duration duration) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT rate_limit_pause(?, ?)")) {
            ps.setString(1, connection);
            ps.setLong(2, Math.max(0, duration.toMillis()));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("pausing the rate limit of " + connection, e);
        }
    }
}
