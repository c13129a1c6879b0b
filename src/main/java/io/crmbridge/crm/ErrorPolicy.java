package io.crmbridge.crm;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Role: how a CRM's answers read as failures, waits and rate limits. The defaults are generic HTTP
 * ({@link CrmResponseClassifier}); a connector implements this role to read its vendor's error bodies, status codes
 * and rate-limit headers, which nothing outside its package knows.
 */
public interface ErrorPolicy {

    /** Generic HTTP semantics, for a connector that has no error policy of its own. */
    ErrorPolicy GENERIC = new ErrorPolicy() {
    };

    /** A failed answer -> its error class; empty for a success. */
    default Optional<CrmCallException> classify(String connection, int status, String body) {
        return CrmResponseClassifier.classify(connection, status, body);
    }

    /** How long a 429 asks to wait, from its {@code Retry-After} (or the common default window). */
    default Duration retryAfter(Function<String, String> responseHeader) {
        return CrmResponseClassifier.retryAfter(responseHeader.apply("Retry-After"));
    }

    /**
     * Whether a call may go out again after it failed without a clear answer (a 5xx, a dropped connection, a timeout:
     * the CRM may have committed it). By default reads and idempotent writes may ({@code GET}, {@code PUT},
     * {@code PATCH}, {@code DELETE}, ...) and a {@code POST} may not: for a CRM without upsert by key it is a plain
     * create, and a second one makes a second record. It fails instead, and the event's next attempt finds what the
     * first one wrote by its search before create. A connector whose POSTs are safe to repeat says so here.
     */
    default boolean resendable(String method, String path) {
        return !"POST".equalsIgnoreCase(method);
    }

    /**
     * Whether a token endpoint's error (its body, as the OAuth client reports it) refuses the credentials in the
     * CRM's own terms, besides RFC 6749's error codes: only an operator can fix it, so the connection stops rather
     * than retries. None by default.
     */
    default boolean rejectsCredentials(String tokenError) {
        return false;
    }

    /** Rate-limit feedback on any answer: how long until the window has room again when it is used up, else empty. */
    default Optional<Duration> exhaustedWindow(Function<String, String> responseHeader) {
        return Optional.empty();
    }
}
