package io.crmbridge.sandbox.objects;

import java.time.Instant;
import java.util.Map;

/**
 * One stored CRM record, immutable: a write replaces it. {@code properties} include the sandbox-managed ones
 * ({@code hs_object_id}, {@code createdate}, {@code hs_lastmodifieddate}, and {@code lastmodifieddate} on contacts).
 */
public record CrmRecord(long id, ObjectType type, Map<String, String> properties, Instant createdAt, Instant updatedAt,
        boolean archived, Instant archivedAt) {

    public String idString() {
        return Long.toString(id);
    }

    public String property(String name) {
        return properties.get(name);
    }
}
