package io.crmbridge.sandbox.metrics;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One counter line: {@code GET /crm/v3/owners/{ownerId} 200} served {@code count} times. */
@RegisterForReflection
public record RequestCount(String method, String path, int status, long count) {

    record Key(String method, String path, int status) {
    }
}
