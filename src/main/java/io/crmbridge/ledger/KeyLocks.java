package io.crmbridge.ledger;

import java.sql.SQLException;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.model.ExchangeKeys;

/**
 * Serializes work on one ledger key across threads and replicas, from {@link #lock} until the exchange completes, so
 * two nodes cannot both find a key absent and both create. The lock is a lease ({@link KeyLeases}): it expires with
 * its holder and is never held by a pooled connection.
 * Route usage: {@code - bean: {ref: keyLocks, method: lock}} before the idempotent consumer, with the key in header
 * {@code ledgerKey}.
 */
@ApplicationScoped
@Named("keyLocks")
public class KeyLocks {

    private final KeyLeases leases;

    KeyLocks(KeyLeases leases) {
        this.leases = leases;
    }

    public void lock(Exchange exchange) throws SQLException {
        String key = exchange.getMessage().getHeader(ExchangeKeys.LEDGER_KEY, String.class);
        if (key == null) {
            throw new IllegalArgumentException("header " + ExchangeKeys.LEDGER_KEY + " is required to lock a ledger key");
        }
        TreeSet<String> keys = new TreeSet<>();
        keys.add("ledger:" + key);
        leases.lock(exchange, keys);
    }
}
