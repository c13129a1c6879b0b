package io.crmbridge.crm;

import java.time.Instant;

/** A record the CRM no longer lists as live: archived (deleted) at {@code at}. */
public record RemovedRecord(String id, Instant at) {
}
