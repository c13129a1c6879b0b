package io.crmbridge.crm;

import java.time.Instant;
import java.util.Map;

/**
 * A CRM record read back through a connector, in the bridge's terms: its id, when the CRM created it and last modified
 * it (null when the CRM said nothing), its properties under the CRM's own names, and the answer as the CRM gave it.
 */
public record CrmRecord(String id, Instant createdAt, Instant modifiedAt, Map<String, Object> properties,
        Map<String, Object> raw) {

    /** The value of one CRM property, or null. */
    public Object property(String name) {
        return properties.get(name);
    }
}
