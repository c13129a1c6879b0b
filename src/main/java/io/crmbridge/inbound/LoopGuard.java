package io.crmbridge.inbound;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import io.crmbridge.crm.PropertyChange;

/**
 * The inbound loop guard (DESIGN.md section 4), the predicate of the filter in route {@code inbound-record}. Where the
 * CRM keeps property history, a record is our own echo only when every change since the poll's cursor was made by
 * this connection's own app (a change the CRM computed itself does not count); any other change, even in the same
 * second as ours, is delivered. Without history, the fallback: a record whose written properties still hash to our
 * last origin stamp, and that has not changed since our write. Echoes are skipped and counted
 * ({@code loops_suppressed}), never silently. Delete and merge notices always flow.
 */
@ApplicationScoped
@Named("loopGuard")
public class LoopGuard {

    private static final Logger LOG = Logger.getLogger(LoopGuard.class);

    private final OriginStamps stamps;
    private final InboundMetrics metrics;

    LoopGuard(OriginStamps stamps, InboundMetrics metrics) {
        this.stamps = stamps;
        this.metrics = metrics;
    }

    /** True when the record must flow on; false for our own echo (counted). */
    public boolean isForeign(Exchange exchange) {
        PolledRecord record = exchange.getMessage().getHeader(InboundRecords.RECORD, PolledRecord.class);
        if (record.kind() != PolledRecord.Kind.CHANGED) {
            return true;
        }
        boolean echo = record.changes() != null ? isOwnChange(record.changes())
                : isEcho(record, stamps.find(record.connection(), record.object(), record.id()));
        if (!echo) {
            return true;
        }
        PollState state = exchange.getProperty(PollState.PROPERTY, PollState.class);
        if (state != null) {
            state.loopSuppressed();
        }
        metrics.loopSuppressed(record.connection(), record.object());
        LOG.infof("Loop guard: %s version %s is our own write, not delivered", record.origin(), record.version());
        return false;
    }

    /** True when there are changes and each one the CRM did not compute itself is the bridge's. */
    static boolean isOwnChange(List<PropertyChange> changes) {
        List<PropertyChange> made = changes.stream().filter(c -> c.source() != PropertyChange.Source.SYSTEM).toList();
        return !made.isEmpty() && made.stream().allMatch(c -> c.source() == PropertyChange.Source.BRIDGE);
    }

    static boolean isEcho(PolledRecord record, Optional<OriginStamps.Stamp> stamp) {
        if (stamp.isEmpty()) {
            return false;
        }
        OriginStamps.Stamp s = stamp.get();
        if (s.crmModifiedAt() != null && record.modifiedAt() != null && record.modifiedAt().isAfter(s.crmModifiedAt())) {
            return false;
        }
        return s.fingerprint().equals(Fingerprints.of(record.properties(), s.properties()));
    }
}
