package io.crmbridge.sandbox.objects;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The sandbox's one timestamp format: ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-22T10:15:30.123Z}. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Epoch milliseconds, an ISO-8601 instant or a plain date (midnight UTC); {@code null} if it is none of them. */
    public static Long parseMillis(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (isInteger(v)) {
            return Long.parseLong(v);
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not an instant; try a date below
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isInteger(String v) {
        int start = v.startsWith("-") ? 1 : 0;
        if (v.length() == start || v.length() > 19) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
