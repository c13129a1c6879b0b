package io.crmbridge.inbound;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import io.crmbridge.loopguard.LoopGuard;
import io.crmbridge.loopguard.OriginStamps;
import io.crmbridge.model.ExchangeKeys;

/**
 * The inbound loop guard, the predicate of the filter in route {@code inbound-record} and of each poll page's intake:
 * a changed record flows on unless {@link LoopGuard}'s rules find it the bridge's own echo. A record whose history
 * shows no change since the cursor (modified without a new value, e.g. a write resent after its answer was lost)
 * carries nothing to deliver. Echoes are skipped and counted ({@code loops_suppressed}), never silently. Delete and
 * merge notices always flow.
 */
@ApplicationScoped
@Named("loopGuard")
public class InboundLoopGuard {

    private static final Logger LOG = Logger.getLogger(InboundLoopGuard.class);

    private final OriginStamps stamps;
    private final InboundMetrics metrics;

    InboundLoopGuard(OriginStamps stamps, InboundMetrics metrics) {
        this.stamps = stamps;
        this.metrics = metrics;
    }

    /** True when the record must flow on; false for our own echo (counted). */
    public boolean isForeign(Exchange exchange) {
        PolledRecord record = exchange.getMessage().getHeader(ExchangeKeys.INBOUND_RECORD, PolledRecord.class);
        return isForeign(record, exchange.getProperty(ExchangeKeys.POLL_STATE, PollState.class));
    }

    /**
     * The same for one record of a poll page: the page's origin stamps were read at once ({@link PollState#stamps});
     * without them (a record outside a poll page) the record's stamp is looked up.
     */
    boolean isForeign(PolledRecord record, PollState state) {
        if (record.kind() != PolledRecord.Kind.CHANGED) {
            return true;
        }
        if (record.changes() != null && record.changes().isEmpty()) {
            // modified, but no property the poll reads changed since the cursor (a write that set the values the
            // record had, such as a resend after a lost answer): nothing to deliver, and nobody's edit to lose
            metrics.unchanged(record.connection(), record.object());
            LOG.debugf("Loop guard: %s version %s changed no property since the cursor, not delivered", record.origin(),
                    record.version());
            return false;
        }
        boolean echo;
        if (state != null && state.stamps != null) {
            OriginStamps.Stamp stamp = state.stamps.get(record.id());
            echo = record.changes() != null
                    ? LoopGuard.isOwnChange(record.changes(),
                            () -> stamp == null ? Map.of() : stamp.valueFingerprints())
                    : isEcho(record, Optional.ofNullable(stamp));
        } else {
            echo = record.changes() != null
                    ? LoopGuard.isOwnChange(record.changes(), () -> stamps.writtenValues(record.connection(),
                            record.object(), record.id()))
                    : isEcho(record, stamps.find(record.connection(), record.object(), record.id()));
        }
        if (!echo) {
            return true;
        }
        if (state != null) {
            state.loopSuppressed();
        }
        metrics.loopSuppressed(record.connection(), record.object());
        LOG.infof("Loop guard: %s version %s is our own write, not delivered", record.origin(), record.version());
        return false;
    }

    /** {@link LoopGuard#isEcho} of a polled record. */
    static boolean isEcho(PolledRecord record, Optional<OriginStamps.Stamp> stamp) {
        return LoopGuard.isEcho(record.origin(), record.modifiedAt(), record.properties(), stamp);
    }
}
