package io.crmbridge.crm;

import java.time.Instant;
import java.util.List;

import io.crmbridge.inbound.CursorPair;

/**
 * One page of "what changed since my watermark?", oldest first: either the first page of a poll, from {@code from}
 * (inclusive; null reads from the beginning), or a later page strictly after {@code after}, the highest (time, id)
 * pair seen so far. {@code properties} are the CRM properties to return.
 */
public record ChangeQuery(String object, Instant from, CursorPair after, int limit, List<String> properties) {
}
