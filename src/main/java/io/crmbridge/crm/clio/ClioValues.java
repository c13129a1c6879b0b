package io.crmbridge.crm.clio;

import java.util.List;
import java.util.Map;

import io.crmbridge.model.Timestamps;

/** Values Clio requires in a create body that the bridge's properties do not hold as such. */
final class ClioValues {

    private ClioValues() {
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    /** A Person's name from its first and last names (its email, else a placeholder, when it has neither). */
    static String personName(Map<String, Object> data) {
        String name = (text(data.get("first_name")) + " " + text(data.get("last_name"))).trim();
        if (!name.isEmpty()) {
            return name;
        }
        Object emails = data.get("email_addresses");
        return emails instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> item
                ? String.valueOf(item.get("address")) : "Unknown";
    }

    /** An ISO-8601 date ({@code 2026-12-01}, UTC) from a timestamp, an epoch-millisecond number or a date. */
    static String noteDate(Object value) {
        java.time.Instant at = Timestamps.parse(value);
        if (at != null) {
            return at.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        String text = value.toString();
        return text.length() >= 10 ? text.substring(0, 10) : text;
    }
}
