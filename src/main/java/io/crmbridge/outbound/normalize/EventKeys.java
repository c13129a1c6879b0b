package io.crmbridge.outbound.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The idempotency key rule of docs/architecture.md, "The event contract". */
public final class EventKeys {

    private EventKeys() {
    }

    /** The provider's event id when it has one, else source + record id + event type, else a hash of the payload. */
    public static String idempotencyKey(String source, String providerEventId, String sourceRecordId, String eventType,
            String canonicalPayload) {
        if (providerEventId != null && !providerEventId.isBlank()) {
            return source + ":" + providerEventId;
        }
        if (sourceRecordId != null && !sourceRecordId.isBlank()) {
            return source + ":" + sourceRecordId + ":" + eventType;
        }
        return source + ":sha256:" + sha256(canonicalPayload);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
