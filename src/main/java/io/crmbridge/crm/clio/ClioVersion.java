package io.crmbridge.crm.clio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The version of a Clio record as the connector hands it to the decide step: its {@code etag} (sent back as
 * {@code If-Match}) and the ids of its primary email, phone and web-site items, so that a write changes those items in
 * place ({@code {"id": n, ...}}) rather than adding one on every update. Written {@code <etag>|email_addresses=1;...}.
 */
record ClioVersion(String etag, Map<String, Long> items) {

    private static final String SEPARATOR = "|";

    static ClioVersion parse(String version) {
        if (version == null) {
            return new ClioVersion(null, Map.of());
        }
        int cut = version.lastIndexOf(SEPARATOR);
        if (cut < 0) {
            return new ClioVersion(version, Map.of());
        }
        Map<String, Long> items = new LinkedHashMap<>();
        for (String pair : version.substring(cut + 1).split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    items.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // not an item id: left out, the write adds an item
                }
            }
        }
        return new ClioVersion(version.substring(0, cut), items);
    }

    String format() {
        if (items.isEmpty()) {
            return etag;
        }
        StringBuilder out = new StringBuilder(etag == null ? "" : etag).append(SEPARATOR);
        items.forEach((array, id) -> out.append(array).append('=').append(id).append(';'));
        return out.substring(0, out.length() - 1);
    }
}
