package io.crmbridge.outbound.decide;

import java.sql.SQLException;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.ledger.KeyLeases;
import io.crmbridge.model.OutboundEvent;

/**
 * Search before create is only safe if nobody creates in between: two events for different people of one company
 * would both find no company and both create it. This step locks the natural keys an event writes by (contact email,
 * company domain, per connection) until the exchange completes, all at once, as leases that expire with their holder
 * ({@link KeyLeases}; no pooled connection holds them).
 */
@ApplicationScoped
@Named("naturalKeyLocks")
public class NaturalKeyLocks {

    private final KeyLeases leases;

    NaturalKeyLocks(KeyLeases leases) {
        this.leases = leases;
    }

    public void lock(Exchange exchange) throws SQLException {
        OutboundEvent event = exchange.getProperty(ExchangeKeys.OUTBOUND_EVENT, OutboundEvent.class);
        String connection = exchange.getMessage().getHeader(ExchangeKeys.CRM_CONNECTION, String.class);
        TreeSet<String> keys = new TreeSet<>();
        keys.add("contact:" + connection + ":" + event.contact().email());
        if (event.company() != null && event.company().domain() != null) {
            keys.add("company:" + connection + ":" + event.company().domain());
        }
        leases.lock(exchange, keys);
    }
}
