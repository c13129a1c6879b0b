package io.crmbridge.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.crmbridge.crm.CrmRecord;
import io.crmbridge.crm.PropertyChange;
import io.crmbridge.model.Timestamps;

/**
 * One record from a CRM search page, as its connector read it, with what the inbound side derives from it: its poll
 * position, its version for the ledger and its origin. A {@link Kind#DELETED} or {@link Kind#MERGED} notice says a
 * record left the CRM (archived, or merged into {@code mergedInto}); it goes through the same ledger and intake.
 * {@code changes} are the record's property changes since the poll's cursor, from the CRM's history (null: the CRM
 * keeps none, or it was not read).
 */
public record PolledRecord(String connection, String object, String id, Instant createdAt, Instant modifiedAt,
        String version, Map<String, Object> properties, Map<String, Object> raw, Kind kind, String mergedInto,
        List<PropertyChange> changes) {

    /** A change of a live record, or a notice that one is gone. */
    public enum Kind {
        CHANGED, DELETED, MERGED
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The version is the CRM's modification time, or a SHA-256 of the record as the CRM gave it. */
    public static PolledRecord of(String connection, String object, CrmRecord record) {
        if (record == null || record.id() == null) {
            throw new IllegalArgumentException("a CRM record without an id: " + record);
        }
        String version = record.modifiedAt() != null ? Timestamps.format(record.modifiedAt())
                : "sha256:" + sha256(canonicalJson(record.raw()));
        return new PolledRecord(connection, object, record.id(), record.createdAt(), record.modifiedAt(), version,
                record.properties(), record.raw(), Kind.CHANGED, null, null);
    }

    /** Record {@code id} was archived (deleted) in the CRM at {@code at}. */
    public static PolledRecord deleted(String connection, String object, String id, Instant at) {
        return new PolledRecord(connection, object, id, null, at, "deleted:" + (at == null ? "unknown" : Timestamps.format(at)),
                Map.of(), Map.of(), Kind.DELETED, null, null);
    }

    /** Record {@code id} was merged into record {@code into} (which the CRM modified at {@code at}). */
    public static PolledRecord merged(String connection, String object, String id, String into, Instant at) {
        return new PolledRecord(connection, object, id, null, at, "merged:" + into, Map.of(), Map.of(), Kind.MERGED,
                into, null);
    }

    /** The same record with its property changes since the cursor. */
    public PolledRecord withChanges(List<PropertyChange> since) {
        return new PolledRecord(connection, object, id, createdAt, modifiedAt, version, properties, raw, kind,
                mergedInto, since == null ? null : List.copyOf(since));
    }

    /** {@code {connection}:{object}:{id}:{version}}. */
    public String ledgerKey() {
        return connection + ":" + object + ":" + id + ":" + version;
    }

    /** {@code crm:{connection}:{object}:{id}}: an event coming back with it is not written to the same CRM. */
    public String origin() {
        return "crm:" + connection + ":" + object + ":" + id;
    }

    /** The poll position, or null when the CRM gave no modification time (and for notices). */
    public CursorPair position() {
        return modifiedAt == null || kind != Kind.CHANGED ? null : new CursorPair(modifiedAt, id);
    }

    private static String canonicalJson(Map<String, Object> raw) {
        try {
            return CANONICAL.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be written as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
