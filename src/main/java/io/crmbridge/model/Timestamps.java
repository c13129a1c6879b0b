package io.crmbridge.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading the timestamps CRMs send: epoch milliseconds or ISO-8601 text. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Epoch milliseconds or ISO-8601; null when absent or unreadable. */
    public static Instant parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
