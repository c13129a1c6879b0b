package io.crmbridge.loopguard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.crmbridge.crm.PropertyChange;

/**
 * The loop guard's rules for what a CRM hands back: is it the bridge's own write coming back (its echo)? Where the
 * CRM keeps property history, a record is our own echo only when every change since the poll's cursor was made by
 * this connection's own app or set the value the bridge last wrote to that property (a change the CRM computed itself
 * does not count); any other change, even in the same second as ours, is someone else's. Without history, the
 * fallback: a record whose written properties still hash to our last origin stamp ({@link OriginStamps},
 * {@link Fingerprints}), and that has not changed since our write. The inbound poll applies them to each changed
 * record (filter bean {@code loopGuard}, {@code io.crmbridge.inbound.InboundLoopGuard}); the outbound side has its own
 * rule, {@link EventLoopGuard}.
 */
public final class LoopGuard {

    private static final Logger LOG = Logger.getLogger(LoopGuard.class);

    private LoopGuard() {
    }

    /**
     * True when there are changes and each one the CRM did not compute itself is the bridge's: made by its app, or
     * setting the value the bridge last wrote to that property ({@code writtenValues}: property to the fingerprint of
     * that value, looked up only when some change is not the app's).
     */
    public static boolean isOwnChange(List<PropertyChange> changes, Supplier<Map<String, String>> writtenValues) {
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
    public static boolean sameValueByValue(Map<String, ?> read, OriginStamps.Stamp s) {
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

    /**
     * True when the record read back ({@code origin} names it in the log) is the bridge's last write, by its stamp:
     * not modified after the write, and the written properties read back with the values written.
     */
    public static boolean isEcho(String origin, Instant modifiedAt, Map<String, ?> properties,
            Optional<OriginStamps.Stamp> stamp) {
        if (stamp.isEmpty()) {
            return false;
        }
        OriginStamps.Stamp s = stamp.get();
        if (s.crmModifiedAt() != null && modifiedAt != null && modifiedAt.isAfter(s.crmModifiedAt())) {
            LOG.debugf("Loop guard: %s modified %s, after the bridge's write (%s)", origin, modifiedAt,
                    s.crmModifiedAt());
            return false;
        }
        boolean same = s.fingerprint().equals(Fingerprints.of(properties, s.properties()))
                || sameValueByValue(properties, s);
        if (!same) {
            LOG.debugf("Loop guard: %s differs from what the bridge wrote in %s (read back: %s)", origin,
                    s.properties().stream().filter(p -> !OriginStamps.valueFingerprint(p, properties.get(p) == null ? null : String.valueOf(properties.get(p)))
                            .equals(s.valueFingerprints().get(p))).toList(), properties);
        }
        return same;
    }
}
