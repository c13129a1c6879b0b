package io.crmbridge.connection;

import java.time.Instant;
import java.util.Optional;

/** Where a connection gets access tokens from. One implementation per grant source; tests use a fake. */
public interface TokenEndpoint {

    /**
     * An access token, when it runs out, and the refresh token to use next time (rotated or the same);
     * {@code expiresIn} is the endpoint's own {@code expires_in} in seconds, when it sent one.
     */
    record Grant(String accessToken, Instant expiresAt, Optional<String> refreshToken, Optional<Long> expiresIn) {

        public Grant(String accessToken, Instant expiresAt, Optional<String> refreshToken) {
            this(accessToken, expiresAt, refreshToken, Optional.empty());
        }
    }

    /** The refresh-token grant. */
    Grant refresh(String refreshToken);

    /** The client-credentials grant. */
    Grant clientCredentials();

    /**
     * The token endpoint refused the credentials (HTTP 400/401: invalid_grant, revoked, wrong client). Retrying with
     * the same credentials cannot succeed: the connection needs new ones.
     */
    class CredentialsRejected extends RuntimeException {
        public CredentialsRejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
