package io.crmbridge.ledger;

import org.apache.camel.Exchange;

/**
 * Told when an exchange begins and ends waiting for keys another exchange holds ({@link KeyLeases#lock}): while it
 * waits it makes no CRM call, so the bulk path's grouped calls need not wait for it.
 */
public interface KeyWaitListener {

    /** {@code exchange} found a key taken and waits for it. */
    void waiting(Exchange exchange);

    /** {@code exchange} stopped waiting: it took its keys or gave up. */
    void stoppedWaiting(Exchange exchange);
}
