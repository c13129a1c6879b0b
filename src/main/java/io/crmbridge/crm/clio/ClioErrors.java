package io.crmbridge.crm.clio;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.crmbridge.crm.CrmCallException;
import io.crmbridge.crm.CrmResponseClassifier;

/**
 * Clio's failed answers and rate-limit headers. Errors come as {@code {"error": {"type": ..., "message": ...}}}; the
 * message is added to the exception's. A 412 (a stale {@code If-Match} etag: someone changed the record since it was
 * read) is {@link CrmCallException.Stale}: not sent again as it was; the event decides again on a fresh read. Everything else follows docs/architecture.md, "Error classes".
 */
final class ClioErrors {

    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Clio's rate-limit window is a minute: never wait longer for it. */
    private static final long MAX_WAIT_SECONDS = 60;
    /** An {@code X-RateLimit-Reset} this large is an epoch second, else a number of seconds from now. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    private ClioErrors() {
    }

    static Optional<CrmCallException> classify(String connection, int status, String body) {
        if (status >= 200 && status < 300) {
            return Optional.empty();
        }
        String message = "Clio answered " + status + " on connection " + connection + message(body).map(m -> ": " + m).orElse("");
        if (status == 412) {
            return Optional.of(new CrmCallException.Stale(connection, status, body, message + " (stale etag)"));
        }
        return CrmResponseClassifier.classify(connection, status, body)
                .map(e -> rebuild(e, connection, status, body, message));
    }

    private static CrmCallException rebuild(CrmCallException e, String connection, int status, String body, String message) {
        return switch (e.kind()) {
            case RETRYABLE -> new CrmCallException.Retryable(connection, status, body, message);
            case REVIEW -> new CrmCallException.Review(connection, status, body, message);
            case OPERATOR -> new CrmCallException.Operator(connection, status, body, message);
            default -> new CrmCallException.Unknown(connection, status, body, message);
        };
    }

    /** The {@code message} of Clio's error body, when there is one. */
    static Optional<String> message(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = MESSAGE.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<Duration> exhaustedWindow(String remaining, String reset, Instant now) {
        if (remaining == null || reset == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(remaining.trim()) > 0) {
                return Optional.empty();
            }
            long value = Long.parseLong(reset.trim());
            long seconds = value >= EPOCH_THRESHOLD ? value - now.getEpochSecond() : value;
            return Optional.of(Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_WAIT_SECONDS))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
