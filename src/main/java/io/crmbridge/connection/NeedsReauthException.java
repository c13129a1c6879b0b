package io.crmbridge.connection;

/** The connection is in NEEDS_REAUTH: nothing is sent until an operator gives it new credentials. */
public class NeedsReauthException extends RuntimeException {
    private final String connection;

    public NeedsReauthException(String connection, String reason) {
        super("Connection " + connection + " needs re-authorization: " + reason);
        this.connection = connection;
    }

    public String connection() {
        return connection;
    }
}
