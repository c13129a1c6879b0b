package io.crmbridge.outbound.decide;

import java.util.Map;

/**
 * A CRM record a search before create (or a read by the bridge's key) found: its id, its values as contract fields
 * (through the field map), the time of the event that last wrote it ({@code crmbridge_occurred_at}, null when no
 * event of the bridge did), the bridge's key on it (null when it has none) and its version for a conditional update
 * (the CRM's etag; null when the connector has none).
 */
public record Match(String id, Map<String, Object> fields, Long occurredAt, String key, String version) {

    public Match(String id, Map<String, Object> fields) {
        this(id, fields, null, null, null);
    }
}
