package io.crmbridge.inbound;

import java.time.Instant;
import java.util.Comparator;

/**
 * A poll position: the CRM's modification time and the record id that breaks ties between records modified at the
 * same instant. Ids are ordered by length, then text: numeric order for CRM ids such as HubSpot's, and the same order
 * the cursor table uses when it refuses to move backwards.
 */
public record CursorPair(Instant modifiedAt, String recordId) implements Comparable<CursorPair> {

    private static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    public CursorPair {
        if (modifiedAt == null || recordId == null) {
            throw new IllegalArgumentException("a cursor pair needs a modification time and a record id");
        }
    }

    @Override
    public int compareTo(CursorPair other) {
        int byTime = modifiedAt.compareTo(other.modifiedAt);
        return byTime != 0 ? byTime : ID_ORDER.compare(recordId, other.recordId);
    }

    /** The higher of two pairs; {@code null} counts as lowest. */
    public static CursorPair max(CursorPair a, CursorPair b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
