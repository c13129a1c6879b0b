package io.crmbridge.sandbox.conformance;

import java.util.List;

import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Where a vendor's published document is known to disagree with the vendor's own documentation and live API, the
 * live behaviour wins, and only there. Each quirk is named and narrow:
 * <ul>
 * <li>HubSpot search {@code sorts}: the published schema says an array of strings, while HubSpot's documentation and
 * API sort by objects {@code {"propertyName": ..., "direction": "ASCENDING"}} (SDK users have reported the mismatch).
 * An object item of {@code sorts} in a search body is therefore not a finding.</li>
 * </ul>
 */
final class KnownQuirks {

    private KnownQuirks() {
    }

    static List<String> errors(VendorExchange exchange, ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !isObjectSort(exchange, m))
                .map(m -> m.getKey() + ": " + m.getMessage()
                        + m.getContext().flatMap(c -> c.getPointers()).map(p -> " at " + p.getInstance()).orElse(""))
                .toList();
    }

    private static boolean isObjectSort(VendorExchange exchange, ValidationReport.Message message) {
        if (!exchange.vendor().equals("hubspot") || !exchange.vendorPath().endsWith("/search")) {
            return false;
        }
        String pointer = message.getContext().flatMap(c -> c.getPointers()).map(p -> p.getInstance()).orElse("");
        return pointer.matches("/sorts/\\d+") && message.getMessage().contains("(object)");
    }
}
