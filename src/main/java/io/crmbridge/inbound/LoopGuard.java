package io.crmbridge.inbound;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * The inbound loop guard (DESIGN.md section 4), the predicate of the filter in route {@code inbound-record}: a polled
 * record whose written properties still hash to our last origin stamp, and that has not changed since our write, is
 * our own echo. It is skipped and counted ({@code loops_suppressed}), never silently.
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
        if (!isEcho(record, stamps.find(record.connection(), record.object(), record.id()))) {
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
