package io.crmbridge.sandbox.clio;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One stored Clio record: its own fields (never shared: the store copies on the way in and out) and its version. */
public record ClioRecord(ClioResourceType type, long id, String etag, Instant createdAt, Instant updatedAt,
        ObjectNode fields) {

    public String text(String field) {
        return fields.hasNonNull(field) ? fields.get(field).asText() : null;
    }
}
