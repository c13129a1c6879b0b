package io.crmbridge.crm.hubspot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.crmbridge.crm.CrmCallException;
import io.crmbridge.crm.CrmResponseClassifier;

/** HubSpot's error policy: what its token endpoint and rate-limit headers say, and which API hosts it has. */
final class HubSpotPolicy {

    /** HubSpot's token endpoint refuses credentials with its own codes: {@code BAD_REFRESH_TOKEN}, {@code BAD_CLIENT_ID}, ... */
    private static final Pattern TOKEN_REJECTION = Pattern.compile("\\bBAD_[A-Z_]+");

    /** HubSpot's public API hosts (the global one and the EU data centre's). */
    private static final List<String> API_HOSTS = List.of("https://api.hubapi.com", "https://api-eu1.hubapi.com");

    /** HubSpot's 403 for a scope the app lacks for one operation or object (granular scopes, one per object). */
    private static final Pattern MISSING_SCOPES = Pattern.compile("\"category\"\\s*:\\s*\"MISSING_SCOPES\"");

    private HubSpotPolicy() {
    }

    /**
     * A 403 {@code MISSING_SCOPES} concerns the object or record the call names: the call fails (to review), the
     * connection goes on with its other objects. Any other answer is classified as generic HTTP.
     */
    static Optional<CrmCallException> classify(String connection, int status, String body) {
        if (status == 403 && body != null && MISSING_SCOPES.matcher(body).find()) {
            return Optional.of(new CrmCallException.Review(connection, status, body, "CRM answered 403 on connection "
                    + connection + ": the app may not use this object or record (a scope it lacks); the call fails,"
                    + " the connection goes on"));
        }
        return CrmResponseClassifier.classify(connection, status, body);
    }

    static boolean rejectsCredentials(String tokenError) {
        return tokenError != null && TOKEN_REJECTION.matcher(tokenError).find();
    }

    /**
     * HubSpot's rate-limit headers on any answer: when {@code X-HubSpot-RateLimit-Remaining} reaches 0, the interval
     * to wait before the window has room again ({@code X-HubSpot-RateLimit-Interval-Milliseconds}).
     */
    static Optional<Duration> exhaustedWindow(Function<String, String> responseHeader) {
        String remaining = responseHeader.apply("X-HubSpot-RateLimit-Remaining");
        String interval = responseHeader.apply("X-HubSpot-RateLimit-Interval-Milliseconds");
        if (remaining == null || interval == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(remaining.trim()) > 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.max(0, Math.min(Long.parseLong(interval.trim()), 60_000))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** HubSpot's API hosts other than a configured HubSpot host; none for a host that is not HubSpot's. */
    static List<String> alternativeBaseUrls(String configuredBaseUrl) {
        String configured = configuredBaseUrl.replaceAll("/+$", "");
        if (!configured.matches("https://[a-z0-9.-]+\\.(hubapi|hubspot)\\.com")) {
            return List.of();
        }
        return API_HOSTS.stream().filter(host -> !host.equals(configured)).toList();
    }
}
