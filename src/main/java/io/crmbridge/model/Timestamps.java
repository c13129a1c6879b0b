package io.crmbridge.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reading the timestamps CRMs send (epoch milliseconds or ISO-8601 text) and writing instants as ISO-8601.
 *
 * <p>A drain reads several timestamps per record (modification and creation times, one per property history
 * version) and writes them back into versions, ledger keys and payloads: {@link Instant#parse} and
 * {@link Instant#toString} went through {@code DateTimeFormatter} and were a fifth of the drain's CPU. The usual UTC
 * shape {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} is read and written directly here, with exactly the results of
 * {@link Instant#parse} and {@link Instant#toString} (versions are ledger keys: the text must not change); anything
 * else goes through them.
 */
public final class Timestamps {

    private static final Instant FIRST_FAST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST_FAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Timestamps() {
    }

    /** Epoch milliseconds or ISO-8601; null when absent or unreadable. */
    public static Instant parse(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.isBlank()) {
            return null;
        }
        text = text.trim();
        try {
            if (allDigits(text)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            Instant fast = parseUtc(text);
            return fast != null ? fast : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** {@link Instant#toString()}'s text (ISO-8601, UTC, the fraction in groups of three digits as needed). */
    public static String format(Instant instant) {
        if (instant.isBefore(FIRST_FAST) || instant.isAfter(LAST_FAST)) {
            return instant.toString();
        }
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        StringBuilder out = new StringBuilder(30);
        digits(out, date.getYear(), 4).append('-');
        digits(out, date.getMonthValue(), 2).append('-');
        digits(out, date.getDayOfMonth(), 2).append('T');
        digits(out, secondOfDay / 3600, 2).append(':');
        digits(out, secondOfDay / 60 % 60, 2).append(':');
        digits(out, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano > 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read directly; null for any other shape or an out-of-range field (left
     * to {@link Instant#parse}, which also knows 24:00 and leap seconds).
     */
    static Instant parseUtc(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 7);
        int day = number(t, 8, 10);
        int hour = number(t, 11, 13);
        int minute = number(t, 14, 16);
        int second = number(t, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nano = 0;
        if (n > 20) {
            int digits = n - 21;
            if (t.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = number(t, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nano = fraction;
            for (int i = digits; i < 9; i++) {
                nano *= 10;
            }
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, nano);
        } catch (DateTimeException e) {
            return null; // e.g. February 30th: Instant.parse says why
        }
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1. */
    private static int number(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s);
    }
}
