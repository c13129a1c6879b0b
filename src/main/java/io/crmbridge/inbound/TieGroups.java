package io.crmbridge.inbound;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.crmbridge.crm.CrmRecord;

/**
 * The members of one tie group in an answer that may hold more (a CRM that pages the group by its own token and
 * cannot filter by time and id): records modified exactly at the group's time with an id above {@code afterId}, in
 * id order. Ids compare as numbers when both are numbers, else as text.
 */
final class TieGroups {

    static final Comparator<String> ID_ORDER = TieGroups::compareIds;

    private TieGroups() {
    }

    static List<CrmRecord> members(List<CrmRecord> records, Instant at, String afterId) {
        return records.stream()
                .filter(r -> at.equals(r.modifiedAt()))
                .filter(r -> afterId == null || compareIds(r.id(), afterId) > 0)
                .sorted(Comparator.comparing(CrmRecord::id, ID_ORDER))
                .toList();
    }

    static int compareIds(String a, String b) {
        if (!a.isEmpty() && !b.isEmpty() && a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return a.compareTo(b);
    }
}
