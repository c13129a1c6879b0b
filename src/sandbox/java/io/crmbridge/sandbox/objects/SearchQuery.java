package io.crmbridge.sandbox.objects;

import java.util.List;

/**
 * A parsed, validated search: OR of groups, AND of the conditions within a group; sort keys (ties always broken
 * by id ascending); the offset ({@code after}) and page size.
 */
public record SearchQuery(List<List<Condition>> groups, List<SortKey> sorts, int offset, int limit, String text) {

    /** HubSpot's search never pages past this many results. */
    public static final int RESULT_CAP = 10_000;
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 10;

    public record SortKey(String property, boolean descending) {
    }
}
