package io.crmbridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmbridge.crm.CrmRecord;

/** A tie group read from an answer that holds more than the group (a CRM paging the group by its own token). */
class TieGroupsTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void keepsTheGroupsRecordsAboveTheLastIdInIdOrder() {
        List<CrmRecord> answer = List.of(record("9", T), record("10", T), record("11", T.plusSeconds(1)), record("100", T),
                record("8", T));
        assertThat(TieGroups.members(answer, T, "9")).extracting(CrmRecord::id).containsExactly("10", "100");
        assertThat(TieGroups.members(answer, T, null)).extracting(CrmRecord::id).containsExactly("8", "9", "10", "100");
        assertThat(TieGroups.members(answer, T.minusMillis(1), null)).isEmpty();
    }

    private static CrmRecord record(String id, Instant modified) {
        return new CrmRecord(id, modified, modified, Map.of(), Map.of());
    }
}
