package io.crmbridge.sandbox.objects;

import java.util.List;

/** One page of a search: the total number of matches, the page, and the next offset if there are more. */
public record SearchResult(int total, List<CrmRecord> results, Integer nextAfter) {
}
