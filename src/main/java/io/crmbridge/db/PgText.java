package io.crmbridge.db;

/**
 * Text made safe for PostgreSQL. A {@code text} or {@code jsonb} value cannot hold the NUL character (U+0000): the
 * server refuses the whole statement ({@code invalid byte sequence for encoding "UTF8": 0x00}), so an event whose
 * failure quotes its own payload could never record that failure. NUL becomes U+FFFD; very long values are cut.
 */
public final class PgText {

    /** Longest error text kept per column: enough to read, not a copy of a 1 MiB payload. */
    public static final int MAX_MESSAGE = 4000;

    private PgText() {
    }

    /** {@code value} without NUL characters (null stays null). */
    public static String safe(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    /** {@link #safe(String)}, cut to {@code max} characters with a marker saying how much was dropped. */
    public static String safe(String value, int max) {
        String clean = safe(value);
        if (clean == null || clean.length() <= max) {
            return clean;
        }
        return clean.substring(0, max) + "... (" + (clean.length() - max) + " more characters)";
    }

    /** JSON text for a {@code jsonb} column: the escape {@code \u0000}, which jsonb refuses, becomes {@code \ufffd}. */
    public static String safeJson(String json) {
        return json == null ? null : safe(json).replace("\\u0000", "\\ufffd");
    }
}
