package io.crmbridge.ledger;

import java.util.Collection;

/** Another exchange holds one of the keys for longer than crmbridge.locks.wait: come back later instead of waiting. */
public class KeyBusyException extends RuntimeException {

    public KeyBusyException(Collection<String> keys) {
        super("keys held by another event: " + keys);
    }
}
