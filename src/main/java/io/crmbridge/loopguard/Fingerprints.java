package io.crmbridge.loopguard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loop guard's fingerprint (docs/architecture.md, "Loop guard"), shared by both directions: a SHA-256 over the written properties,
 * names sorted and values normalized (trimmed, lower case, numbers in plain form, missing = empty), so that what the
 * outbound side wrote and what the CRM hands back for the same properties hash alike.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The fingerprint of the properties as written. */
    public static String of(Map<String, ?> written) {
        Map<String, String> canonical = new TreeMap<>();
        written.forEach((name, value) -> canonical.put(name, normalize(value)));
        return hash(canonical);
    }

    /** The fingerprint of a polled record's values for the named properties only. */
    public static String of(Map<String, ?> record, Collection<String> names) {
        Map<String, String> canonical = new TreeMap<>();
        for (String name : names) {
            canonical.put(name, normalize(record.get(name)));
        }
        return hash(canonical);
    }

    /**
     * A relationship ({@code {id, name}}, e.g. Clio's company of a person) stands for its name, else its id: the bridge
     * writes one and reads both back. Any other value is itself.
     */
    public static Object relationshipValue(Object value) {
        if (value instanceof Map<?, ?> relationship && (relationship.containsKey("name") || relationship.containsKey("id"))) {
            return relationship.containsKey("name") ? relationship.get("name") : relationship.get("id");
        }
        return value;
    }

    static String normalize(Object value) {
        value = relationshipValue(value);
        if (value == null) {
            return "";
        }
        String text = value.toString().trim();
        if (!text.isEmpty() && looksNumeric(text)) {
            try {
                return new BigDecimal(text).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                // not a number after all
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean looksNumeric(String text) {
        char first = text.charAt(0);
        return Character.isDigit(first) || first == '-' || first == '.';
    }

    /** Length-prefixed name=value pairs: no two different maps share a canonical text. */
    private static String hash(Map<String, String> canonical) {
        StringBuilder text = new StringBuilder();
        canonical.forEach((name, value) -> text.append(name.length()).append(':').append(name).append('=')
                .append(value.length()).append(':').append(value).append(';'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
