package io.crmbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.jboss.logging.Logger;

import io.crmbridge.db.TransientDatabaseErrors;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-key locks across threads and replicas as leases in table {@code key_lease}: taken all at once (or none) in one
 * short transaction, held by this process run and one exchange until the exchange completes, renewed by route
 * {@code lease-renew} while the work goes on, and expired when the holder dies or loses the database. No pooled
 * connection or database session holds them, so a lock cannot outlive its holder by more than one lease.
 * A key another exchange holds is waited for at most {@code crmbridge.locks.wait}, polling, without holding anything;
 * then {@link KeyBusyException} (an event goes back to the queue).
 */
@ApplicationScoped
@Named("keyLeases")
public class KeyLeases {

    @ConfigMapping(prefix = "crmbridge.locks")
    public interface LocksConfig {
        /** How long a key lock lasts unless renewed (route lease-renew renews it while its exchange runs). */
        @WithDefault("15s")
        Duration lease();

        /** How long to wait for a key another event holds before going back to the queue. */
        @WithDefault("5s")
        Duration waitFor();
    }

    private static final Logger LOG = Logger.getLogger(KeyLeases.class);
    private static final String TAKE = """
            INSERT INTO key_lease AS l (lock_key, holder, exchange_id, expires_at)
            SELECT k, ?, ?, now() + CAST(? AS interval) FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS t(k, n) ORDER BY n
            ON CONFLICT (lock_key) DO UPDATE SET holder = excluded.holder, exchange_id = excluded.exchange_id,
                acquired_at = now(), expires_at = excluded.expires_at
            WHERE l.expires_at < now() OR (l.holder = excluded.holder AND l.exchange_id = excluded.exchange_id)""";

    private final DataSource dataSource;
    private final LocksConfig config;
    private final String holder = "run-" + UUID.randomUUID();
    /** Keys this run holds, and the exchange holding each: what {@link #renew} extends. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final Instance<KeyWaitListener> listeners;

    KeyLeases(DataSource dataSource, LocksConfig config, Instance<KeyWaitListener> listeners) {
        this.dataSource = dataSource;
        this.config = config;
        this.listeners = listeners;
    }

    /** Takes every key in {@code keys} for {@code exchange} until it completes, or throws {@link KeyBusyException}. */
    public void lock(Exchange exchange, SortedSet<String> keys) throws SQLException {
        List<String> ordered = List.copyOf(keys);
        if (!tryTake(ordered, exchange.getExchangeId())) {
            // the wait makes no CRM call: grouped calls of the other events need not wait for this one meanwhile
            listeners.forEach(l -> l.waiting(exchange));
            try {
                waitFor(ordered, exchange.getExchangeId());
            } finally {
                listeners.forEach(l -> l.stoppedWaiting(exchange));
            }
        }
        ordered.forEach(k -> held.put(k, exchange.getExchangeId()));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(ordered, done.getExchangeId());
            }
        });
    }

    private void waitFor(List<String> keys, String exchangeId) throws SQLException {
        long deadline = System.nanoTime() + config.waitFor().toNanos();
        long pause = 20;
        do {
            if (System.nanoTime() > deadline) {
                throw new KeyBusyException(keys);
            }
            LockSupport.parkNanos(Duration.ofMillis(pause + ThreadLocalRandom.current().nextLong(pause)).toNanos());
            pause = Math.min(250, pause * 2);
        } while (!tryTake(keys, exchangeId));
    }

    /** Extends the leases of the keys this run holds; returns how many. */
    public int renew() throws SQLException {
        if (held.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE key_lease SET expires_at = now() + CAST(? AS interval) WHERE lock_key = ANY (CAST(? AS text[])) "
                        + "AND holder = ?")) {
            ps.setString(1, config.lease().toMillis() + " milliseconds");
            ps.setArray(2, c.createArrayOf("text", held.keySet().toArray()));
            ps.setString(3, holder);
            return ps.executeUpdate();
        }
    }

    private boolean tryTake(List<String> keys, String exchangeId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(TAKE)) {
                ps.setString(1, holder);
                ps.setString(2, exchangeId);
                ps.setString(3, config.lease().toMillis() + " milliseconds");
                ps.setArray(4, c.createArrayOf("text", keys.toArray()));
                if (ps.executeUpdate() == keys.size()) {
                    c.commit();
                    return true;
                }
                c.rollback();
                return false;
            } catch (SQLException e) {
                c.rollback();
                if (TransientDatabaseErrors.isTransient(e)) {
                    return false; // a deadlock with another taker, a lock timeout: try again
                }
                throw e;
            }
        }
    }

    private void release(List<String> keys, String exchangeId) {
        keys.forEach(k -> held.remove(k, exchangeId));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM key_lease WHERE lock_key = ANY (CAST(? AS text[])) AND holder = ? AND exchange_id = ?")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            ps.setString(2, holder);
            ps.setString(3, exchangeId);
            ps.executeUpdate();
        } catch (SQLException e) {
            // Nothing renews these keys any more: their leases run out within crmbridge.locks.lease.
            LOG.warnf("releasing keys %s failed (they expire by themselves): %s", keys, e.getMessage());
        }
    }
}
