package io.crmbridge.outbound.decide;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.jboss.logging.Logger;

import io.crmbridge.ledger.KeyLocks;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.pipeline.EventSteps;

/**
 * Search before create is only safe if nobody creates in between: two events for different people of one company
 * would both find no company and both create it. This step holds PostgreSQL advisory locks on the natural keys an
 * event writes by (contact email, company domain, per connection) until the exchange completes, taken in sorted
 * order so two events can never wait for each other.
 */
@ApplicationScoped
@Named("naturalKeyLocks")
public class NaturalKeyLocks {

    private static final Logger LOG = Logger.getLogger(NaturalKeyLocks.class);

    private final DataSource dataSource;

    NaturalKeyLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void lock(Exchange exchange) throws SQLException {
        OutboundEvent event = exchange.getProperty(EventSteps.EVENT, OutboundEvent.class);
        String connection = exchange.getMessage().getHeader("crmConnection", String.class);
        TreeSet<String> keys = new TreeSet<>();
        keys.add("contact:" + connection + ":" + event.contact().email());
        if (event.company() != null && event.company().domain() != null) {
            keys.add("company:" + connection + ":" + event.company().domain());
        }
        Connection session = dataSource.getConnection();
        try {
            for (String key : keys) {
                execute(session, "SELECT pg_advisory_lock(?)", KeyLocks.lockId(key));
            }
        } catch (SQLException e) {
            session.close();
            throw e;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(session, keys);
            }
        });
    }

    private static void release(Connection session, TreeSet<String> keys) {
        try (session) {
            for (String key : keys.descendingSet()) {
                execute(session, "SELECT pg_advisory_unlock(?)", KeyLocks.lockId(key));
            }
        } catch (SQLException e) {
            // Closing the session releases its advisory locks anyway.
            LOG.warnf("advisory unlock failed for %s: %s", keys, e.getMessage());
        }
    }

    private static void execute(Connection session, String sql, long id) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.execute();
        }
    }
}
