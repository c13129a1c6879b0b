package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.PropertyChange;
import io.crmbridge.loopguard.Fingerprints;
import io.crmbridge.loopguard.LoopGuard;
import io.crmbridge.loopguard.OriginStamps;

import org.junit.jupiter.api.Test;

/** Pure logic of the inbound side: cursor order, fingerprints, versions, the search body, the echo rule. */
class InboundLogicTest {

    static final Instant T = Instant.parse("2026-01-31T23:59:59.123Z");

    @Test
    void cursorPairsOrderByTimeThenNumericId() {
        assertThat(new CursorPair(T, "9")).isLessThan(new CursorPair(T, "10"));
        assertThat(new CursorPair(T, "999")).isLessThan(new CursorPair(T.plusMillis(1), "1"));
        assertThat(CursorPair.max(null, new CursorPair(T, "1"))).isEqualTo(new CursorPair(T, "1"));
        assertThat(CursorPair.max(new CursorPair(T, "12"), new CursorPair(T, "2"))).isEqualTo(new CursorPair(T, "12"));
    }

    @Test
    void fingerprintsIgnoreOrderCaseSpacingAndNumberFormat() {
        String written = Fingerprints.of(Map.of("email", "Ada@Example.com ", "amount", "100.50"));
        assertThat(Fingerprints.of(Map.of("amount", "100.5", "email", "ada@example.com", "other", "x"),
                List.of("email", "amount"))).isEqualTo(written);
        assertThat(Fingerprints.of(Map.of("amount", "100.6", "email", "ada@example.com"), List.of("email", "amount")))
                .isNotEqualTo(written);
        assertThat(Fingerprints.of(Map.of("email", "ada@example.com"), List.of("email", "amount")))
                .as("a property the CRM no longer has").isNotEqualTo(written);
        assertThat(Fingerprints.of(Map.of("a", "b=1"))).isNotEqualTo(Fingerprints.of(Map.of("a=b", "1")));
    }

    @Test
    void versionIsTheModificationTimeElseAHashOfTheRecord() {
        PolledRecord withTime = polled("42", T, Map.of());
        assertThat(withTime.ledgerKey()).isEqualTo("hubspot:contacts:42:" + T);
        assertThat(withTime.origin()).isEqualTo("crm:hubspot:contacts:42");
        assertThat(withTime.position()).isEqualTo(new CursorPair(T, "42"));

        PolledRecord noTime = polled("7", null, Map.of("dealname", "x"));
        assertThat(noTime.version()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(polled("7", null, Map.of("dealname", "x")).version()).isEqualTo(noTime.version());
        assertThat(polled("7", null, Map.of("dealname", "y")).version()).isNotEqualTo(noTime.version());
        assertThat(noTime.position()).isNull();
    }

    /** A record as a connector reads it: id, modification time, properties, and the raw answer they came from. */
    private static PolledRecord polled(String id, Instant modified, Map<String, Object> properties) {
        Map<String, Object> raw = Map.of("id", id, "properties", properties);
        return PolledRecord.of("hubspot", "contacts", new CrmRecord(id, null, modified, properties, raw));
    }

    @Test
    void anEchoIsTheSameWrittenValuesAndNoLaterModification() {
        Map<String, String> written = Map.of("email", "a@b.c", "firstname", "Ada");
        PolledRecord polled = polled("1", T, Map.of("email", "a@b.c", "firstname", "Ada"));
        OriginStamps.Stamp stamp = new OriginStamps.Stamp(Fingerprints.of(written), List.of("email", "firstname"), T);
        assertThat(InboundLoopGuard.isEcho(polled, Optional.of(stamp))).isTrue();
        assertThat(InboundLoopGuard.isEcho(polled, Optional.empty())).isFalse();

        OriginStamps.Stamp earlier = new OriginStamps.Stamp(stamp.fingerprint(), stamp.properties(), T.minusSeconds(1));
        assertThat(InboundLoopGuard.isEcho(polled, Optional.of(earlier))).as("modified after our write").isFalse();

        OriginStamps.Stamp noTime = new OriginStamps.Stamp(stamp.fingerprint(), stamp.properties(), null);
        assertThat(InboundLoopGuard.isEcho(polled, Optional.of(noTime))).isTrue();
        PolledRecord edited = polled("1", T, Map.of("email", "a@b.c", "firstname", "Grace"));
        assertThat(InboundLoopGuard.isEcho(edited, Optional.of(noTime))).isFalse();
    }

    @Test
    void aRelationshipReadBackAsIdAndNameIsAnEchoOfTheIdOrTheNameTheBridgeWrote() {
        // Clio: the bridge writes a matter's attorney by id and a person's company by name, and reads both {id, name}
        Map<String, String> written = Map.of("responsible_attorney", "1000002", "company", "Acme", "status", "open");
        List<String> names = List.of("responsible_attorney", "company", "status");
        OriginStamps.Stamp stamp = new OriginStamps.Stamp(Fingerprints.of(written), names, T,
                OriginStamps.valueFingerprints(written));
        Map<String, Object> readBack = Map.of("responsible_attorney", Map.of("id", 1000002, "name", "Blake Rivera"),
                "company", Map.of("id", 1000012, "name", "Acme"), "status", "open");
        assertThat(InboundLoopGuard.isEcho(polled("7", T, readBack), Optional.of(stamp))).isTrue();

        Map<String, Object> reassigned = Map.of("responsible_attorney", Map.of("id", 1000003, "name", "Casey Nguyen"),
                "company", Map.of("id", 1000012, "name", "Acme"), "status", "open");
        assertThat(InboundLoopGuard.isEcho(polled("7", T, reassigned), Optional.of(stamp))).as("a person reassigned it").isFalse();
        Map<String, Object> renamed = Map.of("responsible_attorney", Map.of("id", 1000002, "name", "Blake Rivera"),
                "company", Map.of("id", 1000012, "name", "Acme Ltd"), "status", "open");
        assertThat(InboundLoopGuard.isEcho(polled("7", T, renamed), Optional.of(stamp))).as("another company name").isFalse();
        // without per-property fingerprints (a stamp from before they were kept) only the whole fingerprint counts
        OriginStamps.Stamp old = new OriginStamps.Stamp(stamp.fingerprint(), names, T);
        assertThat(InboundLoopGuard.isEcho(polled("7", T, readBack), Optional.of(old))).isFalse();
    }

    @Test
    void withHistoryAChangeIsOursWhenOurAppMadeItOrItSetTheValueWeLastWrote() {
        Map<String, String> written = OriginStamps.valueFingerprints(Map.of("company", "Acme", "phone", "+1 555 0100"));
        PropertyChange ours = change("company", "Acme Ltd", PropertyChange.Source.BRIDGE);
        PropertyChange computed = change("hs_calculated", "7", PropertyChange.Source.SYSTEM);
        PropertyChange sameValue = change("phone", "+1 555 0100 ", PropertyChange.Source.PERSON);
        PropertyChange otherValue = change("phone", "+1 555 0199", PropertyChange.Source.PERSON);
        PropertyChange notWritten = change("lastname", "Acme", PropertyChange.Source.OTHER);

        assertThat(LoopGuard.isOwnChange(List.of(ours, computed), () -> {
            throw new AssertionError("no lookup when every change is the app's");
        })).isTrue();
        assertThat(LoopGuard.isOwnChange(List.of(ours, sameValue), () -> written)).as("a value we wrote").isTrue();
        assertThat(LoopGuard.isOwnChange(List.of(ours, otherValue), () -> written)).isFalse();
        assertThat(LoopGuard.isOwnChange(List.of(notWritten), () -> written)).as("a property we never wrote").isFalse();
        assertThat(LoopGuard.isOwnChange(List.of(computed), () -> written)).as("nobody's edit").isFalse();
        assertThat(LoopGuard.isOwnChange(List.of(sameValue), Map::of)).as("no stamp").isFalse();
    }

    @Test
    void changesAfterTheCursorPairAreTheUndeliveredOnes() {
        PropertyChange atCursor = change("phone", "1", PropertyChange.Source.PERSON);
        PropertyChange later = new PropertyChange("phone", "2", T.plusSeconds(1), PropertyChange.Source.PERSON, null, null);
        PropertyChange tooLate = new PropertyChange("phone", "3", T.plusSeconds(2), PropertyChange.Source.PERSON, null, null);
        List<PropertyChange> all = List.of(tooLate, later, atCursor);
        CursorPair cursor = new CursorPair(T, "10");
        assertThat(PollHistory.since(all, cursor, "10", T.plusSeconds(1))).as("its version at the cursor was delivered")
                .containsExactly(later);
        assertThat(PollHistory.since(all, cursor, "9", T.plusSeconds(1))).containsExactly(later);
        assertThat(PollHistory.since(all, cursor, "11", T.plusSeconds(1))).as("above the cursor's id: not yet delivered")
                .containsExactly(later, atCursor);
        assertThat(PollHistory.since(all, null, "1", T.plusSeconds(2))).containsExactly(tooLate, later, atCursor);
    }

    @Test
    void aRecordModifiedWithNoNewValueSinceTheCursorHasNothingToDeliverOnlyWhenTheBridgeMadeItsLastChange() {
        CursorPair cursor = new CursorPair(T, "50");
        // the bridge wrote the phone before the cursor; its resend (answer lost) moved the modification time only
        PolledRecord resent = polled("7", T.plusSeconds(5), Map.of("phone", "1"));
        PropertyChange ours = change("phone", "1", PropertyChange.Source.BRIDGE);
        assertThat(PollHistory.withChanges(resent, List.of(ours), cursor).changes()).isEmpty();

        // a person's edit is the newest change, its timestamp just before the cursor: still attached, so delivered
        PropertyChange persons = new PropertyChange("phone", "2", T.minusMillis(3), PropertyChange.Source.PERSON, null, "9");
        PropertyChange older = new PropertyChange("phone", "1", T.minusSeconds(60), PropertyChange.Source.BRIDGE, null, null);
        assertThat(PollHistory.withChanges(resent, List.of(persons, older), cursor).changes()).containsExactly(persons);

        // changes since the cursor are what they are; no history at all leaves the stamp fallback to decide
        PropertyChange since = new PropertyChange("phone", "3", T.plusSeconds(5), PropertyChange.Source.PERSON, null, "9");
        assertThat(PollHistory.withChanges(resent, List.of(since, ours), cursor).changes()).containsExactly(since);
        assertThat(PollHistory.withChanges(resent, List.of(), cursor).changes()).isNull();
    }

    private static PropertyChange change(String property, String value, PropertyChange.Source source) {
        return new PropertyChange(property, value, T, source, null, null);
    }
}
