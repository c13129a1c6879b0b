package io.crmbridge.sandbox.clio;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Clio's timestamps: ISO-8601 with an offset ({@code 2026-11-30T14:34:29.123+00:00}); the sandbox keeps milliseconds. */
public final class ClioTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private ClioTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Whether the value is an ISO-8601 date ({@code 2026-11-30}), as a note's {@code date} must be. */
    public static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** ISO-8601 with an offset or {@code Z}, or a date (midnight UTC); 400 otherwise. */
    public static Instant parse(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e2) {
                throw ClioApiException.badRequest(name + " must be an ISO-8601 timestamp with an offset, was " + value);
            }
        }
    }
}
