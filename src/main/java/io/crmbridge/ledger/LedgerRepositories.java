package io.crmbridge.ledger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/** The ledgers the routes name: {@code #inboundLedger} for polled records, {@code #outboundLedger} for events. */
@ApplicationScoped
public class LedgerRepositories {

    @Produces
    @ApplicationScoped
    @Named("inboundLedger")
    JdbcLedger inboundLedger(DataSource dataSource) {
        return new JdbcLedger(dataSource, "inbound");
    }

    @Produces
    @ApplicationScoped
    @Named("outboundLedger")
    JdbcLedger outboundLedger(DataSource dataSource) {
        return new JdbcLedger(dataSource, "outbound");
    }
}
