package io.crmbridge.inbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import io.crmbridge.crm.PropertyChange;

/**
 * The inbound loop guard (DESIGN.md section 4), the predicate of the filter in route {@code inbound-record}. Where the
 * CRM keeps property history, a record is our own echo only when every change since the poll's cursor was made by
 * this connection's own app or set the value the bridge last wrote to that property (a change the CRM computed itself
 * does not count); any other change, even in the same second as ours, is delivered; a record whose history shows no
 * change since the cursor (modified without a new value, e.g. a write resent after its answer was lost) carries
 * nothing to deliver. Without history, the fallback: a record whose written properties still hash to our
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
        return isForeign(record, exchange.getProperty(PollState.PROPERTY, PollState.class));
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
                    ? isOwnChange(record.changes(), () -> stamp == null ? Map.of() : stamp.valueFingerprints())
                    : isEcho(record, Optional.ofNullable(stamp));
        } else {
            echo = record.changes() != null
                    ? isOwnChange(record.changes(), () -> stamps.writtenValues(record.connection(), record.object(),
                            record.id()))
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

    /**
     * True when there are changes and each one the CRM did not compute itself is the bridge's: made by its app, or
     * setting the value the bridge last wrote to that property ({@code writtenValues}: property to the fingerprint of
     * that value, looked up only when some change is not the app's).
     */
    static boolean isOwnChange(List<PropertyChange> changes, Supplier<Map<String, String>> writtenValues) {
        List<PropertyChange> made = changes.stream().filter(c -> c.source() != PropertyChange.Source.SYSTEM).toList();
        if (made.isEmpty()) {
            return false;
        }
        List<PropertyChange> others = made.stream().filter(c -> c.source() != PropertyChange.Source.BRIDGE).toList();
        if (others.isEmpty()) {
            return true;
        }
        Map<String, String> written = writtenValues.get();
        if (written.isEmpty()) {
            return false; // the bridge never wrote this record: no one else's change can be its value
        }
        // the fingerprint (a hash) only for a property the bridge wrote
        return others.stream().allMatch(c -> {
            String wrote = written.get(c.property());
            return wrote != null && wrote.equals(OriginStamps.valueFingerprint(c.property(), c.value()));
        });
    }

    /**
     * Each written property read back with the value the bridge wrote, where a relationship ({@code {id, name}}, as
     * Clio answers a matter's responsible attorney) matches by its id or its name: the bridge writes an owner by id
     * and a company by name, and reads both back. Needs the stamp's per-property fingerprints.
     */
    static boolean sameValueByValue(Map<String, ?> read, OriginStamps.Stamp s) {
        Map<String, String> written = s.valueFingerprints();
        if (written == null || written.isEmpty() || !written.keySet().containsAll(s.properties())) {
            return false;
        }
        return s.properties().stream().allMatch(p -> readBack(read.get(p)).stream()
                .anyMatch(v -> OriginStamps.valueFingerprint(p, v).equals(written.get(p))));
    }

    private static List<String> readBack(Object value) {
        if (value instanceof Map<?, ?> relationship && (relationship.containsKey("id") || relationship.containsKey("name"))) {
            List<String> either = new java.util.ArrayList<>();
            if (relationship.get("name") != null) {
                either.add(String.valueOf(relationship.get("name")));
            }
            if (relationship.get("id") != null) {
                either.add(String.valueOf(relationship.get("id")));
            }
            return either;
        }
        return java.util.Collections.singletonList(value == null ? null : String.valueOf(value));
    }

    static boolean isEcho(PolledRecord record, Optional<OriginStamps.Stamp> stamp) {
        if (stamp.isEmpty()) {
            return false;
        }
        OriginStamps.Stamp s = stamp.get();
        if (s.crmModifiedAt() != null && record.modifiedAt() != null && record.modifiedAt().isAfter(s.crmModifiedAt())) {
            LOG.debugf("Loop guard: %s modified %s, after the bridge's write (%s)", record.origin(), record.modifiedAt(),
                    s.crmModifiedAt());
            return false;
        }
        boolean same = s.fingerprint().equals(Fingerprints.of(record.properties(), s.properties()))
                || sameValueByValue(record.properties(), s);
        if (!same) {
            LOG.debugf("Loop guard: %s differs from what the bridge wrote in %s (read back: %s)", record.origin(),
                    s.properties().stream().filter(p -> !OriginStamps.valueFingerprint(p, record.properties().get(p) == null ? null : String.valueOf(record.properties().get(p)))
                            .equals(s.valueFingerprints().get(p))).toList(), record.properties());
        }
        return same;
    }
}
