package io.crmbridge.connection;

import java.time.Instant;

/**
 * Where a connection's state lives for every replica (table {@code connection_state}): whether it needs
 * re-authorization and why, which operator-given credentials are current, and the refresh token in use. Replicas
 * read it; none keeps its own copy of NEEDS_REAUTH.
 */
public interface SharedConnectionState {

    /** What every replica agrees on. {@code reauthReason} is null while the connection is active. */
    record View(String reauthReason, long credentialsVersion, String refreshToken, long refreshCount) {

        public static final View NEW = new View(null, 0, null, 0);

        public boolean needsReauth() {
            return reauthReason != null;
        }
    }

    View read(String connection);

    /**
     * Enter NEEDS_REAUTH unless it is already in it or the operator has given newer credentials than
     * {@code failedVersion} meanwhile. True when this call entered it (and so should tell the operator).
     */
    boolean markNeedsReauth(String connection, String reason, long failedVersion);

    /** Leave NEEDS_REAUTH with new credentials (a refresh token, or null to retry the current ones); the new version. */
    long reauthorize(String connection, String refreshTokenOrNull);

    /** A token refresh succeeded: its expiry and the (possibly rotated) refresh token. Never changes the state. */
    void recordRefresh(String connection, Instant expiresAt, String refreshToken);
}
