package io.crmbridge.crm.batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One event's call waiting in a group: the inputs it adds ({@code keys}: the upsert key, the values read or searched
 * for, or the from and to ids of an association), the properties an upsert writes, and the answer it will be handed:
 * its own share of the batch answer and the status, or the failure of the call.
 */
final class PendingCall {

    final List<String> keys;
    final Map<String, Object> properties;
    final Map<String, String> linkTo;
    final CompletableFuture<Share> answer = new CompletableFuture<>();
    /** The grouped request that failed, for the event's dead letter (the last CRM request). */
    volatile String failedRequest;
    /** The grouped call may have been written without an answer and must not go out again (ErrorPolicy.resendable). */
    volatile boolean outcomeUnknown;

    PendingCall(List<String> keys, Map<String, Object> properties) {
        this(keys, properties, Map.of());
    }

    PendingCall(List<String> keys, Map<String, Object> properties, Map<String, String> linkTo) {
        this.keys = keys;
        this.properties = properties;
        this.linkTo = linkTo;
    }

    /** The part of a batch answer that belongs to one call, and the status to report for it. */
    record Share(int status, Object body) {
    }
}
