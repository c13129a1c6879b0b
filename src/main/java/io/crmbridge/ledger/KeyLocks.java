package io.crmbridge.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.jboss.logging.Logger;

/**
 * Serializes work on one ledger key across threads and replicas with a PostgreSQL advisory lock, held from
 * {@link #lock} until the exchange completes, so two nodes cannot both find a key absent and both create.
 * Route usage: {@code - bean: {ref: keyLocks, method: lock}} before the idempotent consumer, with the key in header
 * {@code ledgerKey}.
 */
@ApplicationScoped
@Named("keyLocks")
public class KeyLocks {

    public static final String KEY_HEADER = "ledgerKey";
    private static final Logger LOG = Logger.getLogger(KeyLocks.class);

    private final DataSource dataSource;

    KeyLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void lock(Exchange exchange) throws SQLException {
        String key = exchange.getMessage().getHeader(KEY_HEADER, String.class);
        if (key == null) {
            throw new IllegalArgumentException("header " + KEY_HEADER + " is required to lock a ledger key");
        }
        long lockId = lockId(key);
        Connection connection = dataSource.getConnection();
        try {
            execute(connection, "SELECT pg_advisory_lock(?)", lockId);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(connection, lockId, key);
            }
        });
    }

    /** 64 bits of SHA-256 of the key: collisions only serialize two unrelated keys. */
    public static long lockId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | (digest[i] & 0xff);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void release(Connection connection, long lockId, String key) {
        try (connection) {
            execute(connection, "SELECT pg_advisory_unlock(?)", lockId);
        } catch (SQLException e) {
            // Closing the session releases its advisory locks anyway.
            LOG.warnf("advisory unlock failed for %s: %s", key, e.getMessage());
        }
    }

    private static void execute(Connection connection, String sql, long lockId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, lockId);
            ps.execute();
        }
    }
}
