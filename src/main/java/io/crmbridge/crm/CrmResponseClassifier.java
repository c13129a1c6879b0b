package io.crmbridge.crm;

import java.time.Duration;
import java.util.Optional;

/**
 * Maps a CRM answer to the error classes of docs/architecture.md, "Error classes". Pure: status code, body and the
 * {@code Retry-After} header in, a decision out.
 */
public final class CrmResponseClassifier {

    /** When a 429 says nothing about when to come back: ten seconds, the common window of CRM rate limits. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

    private CrmResponseClassifier() {
    }

    public static Optional<CrmCallException> classify(String connection, int status, String body) {
        if (status >= 200 && status < 300) {
            return Optional.empty();
        }
        String message = "CRM answered " + status + " on connection " + connection;
        return Optional.of(switch (status) {
            case 429, 500, 502, 503, 504 -> new CrmCallException.Retryable(connection, status, body, message);
            case 400, 404, 409, 422 -> new CrmCallException.Review(connection, status, body, message);
            case 401, 403, 410 -> new CrmCallException.Operator(connection, status, body, message + operatorHint(status));
            default -> new CrmCallException.Unknown(connection, status, body, message);
        });
    }

    /** {@code Retry-After} in seconds or absent; never negative, never more than ten minutes. */
    public static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(0, Math.min(seconds, 600)));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static String operatorHint(int status) {
        return switch (status) {
            case 401 -> ": credentials rejected after a refresh";
            case 403 -> ": missing scope or permission";
            default -> ": API version gone or deprecated";
        };
    }
}
