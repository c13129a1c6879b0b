package io.crmbridge.crm;

/**
 * A CRM call that did not succeed, classified as docs/architecture.md, "Error classes", says. The response body is kept: it is the
 * evidence the review queue, the dead letter and the trace show.
 */
public class CrmCallException extends RuntimeException {

    /** Where the failure goes. */
    public enum Kind {
        /** 429, 5xx, timeouts: redelivered with backoff, then dead letter. */
        RETRYABLE,
        /** 400 invalid property or enum, 404, 409 and the like: a human looks at it in the review queue. */
        REVIEW,
        /** 401 after a refresh, 403 scope, 410 deprecated: the connection stops and the operator is alerted. */
        OPERATOR,
        /** Anything the connector does not understand: stop before partial writes, dead letter. */
        UNKNOWN
    }

    private final Kind kind;
    private final String connection;
    private final int status;
    private final String responseBody;

    public CrmCallException(Kind kind, String connection, int status, String responseBody, String message) {
        super(message);
        this.kind = kind;
        this.connection = connection;
        this.status = status;
        this.responseBody = responseBody;
    }

    public Kind kind() {
        return kind;
    }

    public String connection() {
        return connection;
    }

    public int status() {
        return status;
    }

    public String responseBody() {
        return responseBody;
    }

    /** Subclasses exist so that routes can choose by exception class in {@code onException}. */
    public static final class Retryable extends CrmCallException {
        public Retryable(String connection, int status, String body, String message) {
            super(Kind.RETRYABLE, connection, status, body, message);
        }
    }

    /**
     * A conditional write refused because the record changed since the bridge read it (HTTP 412 to an
     * {@code If-Match}): not sent again as it was; the event goes back to the queue and decides again on a fresh read,
     * so a person's edit made meanwhile is seen, not overwritten blindly.
     */
    public static final class Stale extends CrmCallException {
        public Stale(String connection, int status, String body, String message) {
            super(Kind.RETRYABLE, connection, status, body, message);
        }
    }

    public static final class Review extends CrmCallException {
        public Review(String connection, int status, String body, String message) {
            super(Kind.REVIEW, connection, status, body, message);
        }
    }

    public static final class Operator extends CrmCallException {
        public Operator(String connection, int status, String body, String message) {
            super(Kind.OPERATOR, connection, status, body, message);
        }
    }

    public static final class Unknown extends CrmCallException {
        public Unknown(String connection, int status, String body, String message) {
            super(Kind.UNKNOWN, connection, status, body, message);
        }
    }
}
