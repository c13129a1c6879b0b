package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        PolledRecord withTime = PolledRecord.of("hubspot", "contacts", "lastmodifieddate",
                Map.of("id", "42", "properties", Map.of("lastmodifieddate", T.toString())));
        assertThat(withTime.ledgerKey()).isEqualTo("hubspot:contacts:42:" + T);
        assertThat(withTime.origin()).isEqualTo("crm:hubspot:contacts:42");
        assertThat(withTime.position()).isEqualTo(new CursorPair(T, "42"));

        PolledRecord epoch = PolledRecord.of("hubspot", "deals", "hs_lastmodifieddate",
                Map.of("id", "7", "properties", Map.of("hs_lastmodifieddate", Long.toString(T.toEpochMilli()))));
        assertThat(epoch.version()).isEqualTo(T.toString());

        PolledRecord noTime = PolledRecord.of("hubspot", "deals", "hs_lastmodifieddate",
                Map.of("id", "7", "properties", Map.of("dealname", "x")));
        assertThat(noTime.version()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(PolledRecord.of("hubspot", "deals", "hs_lastmodifieddate",
                Map.of("properties", Map.of("dealname", "x"), "id", "7")).version()).isEqualTo(noTime.version());
        assertThat(noTime.position()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void laterPagesRestartFromTheLastPairSeenAndNeverUseAnOffset() {
        Map<String, Object> first = PollQuery.page("contacts", T, null, 100, List.of("email"));
        assertThat(first.get("after")).isEqualTo("0");
        assertThat(first.toString()).contains("lastmodifieddate", "GTE", Long.toString(T.toEpochMilli()));

        Map<String, Object> next = PollQuery.page("deals", null, new CursorPair(T, "1234"), 100, List.of());
        List<Map<String, Object>> groups = (List<Map<String, Object>>) next.get("filterGroups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).toString()).contains("hs_lastmodifieddate", "GT", Long.toString(T.toEpochMilli()));
        assertThat(groups.get(1).toString()).contains("EQ", "hs_object_id", "1234");
        assertThat(next.get("after")).isEqualTo("0");
        assertThat(next.get("sorts").toString()).contains("hs_lastmodifieddate", "ASCENDING");

        assertThat((List<?>) PollQuery.page("contacts", null, null, 100, List.of()).get("filterGroups")).isEmpty();
    }

    @Test
    void anEchoIsTheSameWrittenValuesAndNoLaterModification() {
        Map<String, String> written = Map.of("email", "a@b.c", "firstname", "Ada");
        PolledRecord polled = PolledRecord.of("hubspot", "contacts", "lastmodifieddate", Map.of("id", "1",
                "properties", Map.of("email", "a@b.c", "firstname", "Ada", "lastmodifieddate", T.toString())));
        OriginStamps.Stamp stamp = new OriginStamps.Stamp(Fingerprints.of(written), List.of("email", "firstname"), T);
        assertThat(LoopGuard.isEcho(polled, Optional.of(stamp))).isTrue();
        assertThat(LoopGuard.isEcho(polled, Optional.empty())).isFalse();

        OriginStamps.Stamp earlier = new OriginStamps.Stamp(stamp.fingerprint(), stamp.properties(), T.minusSeconds(1));
        assertThat(LoopGuard.isEcho(polled, Optional.of(earlier))).as("modified after our write").isFalse();

        OriginStamps.Stamp noTime = new OriginStamps.Stamp(stamp.fingerprint(), stamp.properties(), null);
        assertThat(LoopGuard.isEcho(polled, Optional.of(noTime))).isTrue();
        PolledRecord edited = PolledRecord.of("hubspot", "contacts", "lastmodifieddate", Map.of("id", "1",
                "properties", Map.of("email", "a@b.c", "firstname", "Grace", "lastmodifieddate", T.toString())));
        assertThat(LoopGuard.isEcho(edited, Optional.of(noTime))).isFalse();
    }
}
