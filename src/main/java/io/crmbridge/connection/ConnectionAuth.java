package io.crmbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.crmbridge.connection.ConnectionsConfig.AuthMode;

/**
 * The access token of one connection.
 *
 * <p>Refreshes ahead of expiry from the token's own lifetime (a 401 is only the fallback: some APIs answer 200 or 403
 * on an expired token). One refresh at a time: concurrent callers wait for it and share its result. When the token
 * endpoint rejects the credentials the connection enters NEEDS_REAUTH and stays there, without calling the endpoint
 * again, until {@link #reauthorize(String)} brings new credentials.
 */
public final class ConnectionAuth {

    /** What the rest of the application hears about this connection's tokens. */
    public interface Listener {
        void refreshed(String connection, Instant expiresAt, String refreshToken);

        void needsReauth(String connection, String reason);

        void reauthorized(String connection);
    }

    private record AccessToken(String value, Instant expiresAt) {
        boolean dueForRefresh(Instant now, Duration skew) {
            return !now.isBefore(expiresAt.minus(skew));
        }
    }

    private final String connection;
    private final AuthMode mode;
    private final TokenEndpoint endpoint;
    private final Duration skew;
    private final Clock clock;
    private final Listener listener;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicLong refreshes = new AtomicLong();

    private volatile AccessToken current;
    private volatile String refreshToken;
    private volatile String reauthReason;

    public ConnectionAuth(String connection, AuthMode mode, String staticTokenOrNull, String refreshToken,
            TokenEndpoint endpoint, Duration skew, Clock clock, Listener listener) {
        this.connection = connection;
        this.mode = mode;
        this.endpoint = endpoint;
        this.skew = skew;
        this.clock = clock;
        this.listener = listener;
        this.refreshToken = refreshToken;
        if (mode == AuthMode.PRIVATE_APP) {
            this.current = new AccessToken(Objects.requireNonNull(staticTokenOrNull,
                    "connection " + connection + ": auth.token is required for mode private-app"), Instant.MAX);
        }
    }

    /** A token that is valid now and for at least the refresh skew, refreshing first when needed. */
    public String accessToken() {
        AccessToken seen = current;
        if (reauthReason == null && seen != null && !seen.dueForRefresh(clock.instant(), skew)) {
            return seen.value();
        }
        return refresh(seen);
    }

    /**
     * The CRM answered 401 to {@code rejectedToken}. Refresh once (unless another caller already did) and return the
     * token to retry with. A private-app token cannot be refreshed: the connection needs re-authorization.
     */
    public String refreshAfterUnauthorized(String rejectedToken) {
        if (mode == AuthMode.PRIVATE_APP) {
            enterReauth("the private-app token was rejected with 401");
            throw new NeedsReauthException(connection, reauthReason);
        }
        AccessToken seen = current;
        if (seen != null && !seen.value().equals(rejectedToken)) {
            return seen.value();
        }
        return refresh(seen);
    }

    /** New credentials from an operator: leave NEEDS_REAUTH; the next call fetches a fresh token. */
    public void reauthorize(String newRefreshToken) {
        refreshLock.lock();
        try {
            if (newRefreshToken != null && !newRefreshToken.isBlank()) {
                refreshToken = newRefreshToken;
            }
            reauthReason = null;
            if (mode != AuthMode.PRIVATE_APP) {
                current = null;
            }
        } finally {
            refreshLock.unlock();
        }
        listener.reauthorized(connection);
    }

    /** The CRM refused this connection in a way only an operator can fix (401 after a refresh, 403 scope, 410). */
    public void suspend(String reason) {
        enterReauth(reason);
    }

    public boolean needsReauth() {
        return reauthReason != null;
    }

    public String reauthReason() {
        return reauthReason;
    }

    public long refreshCount() {
        return refreshes.get();
    }

    public Instant accessTokenExpiresAt() {
        AccessToken token = current;
        return token == null ? null : token.expiresAt();
    }

    public String connection() {
        return connection;
    }

    private String refresh(AccessToken seen) {
        refreshLock.lock();
        try {
            if (reauthReason != null) {
                throw new NeedsReauthException(connection, reauthReason);
            }
            // Another caller refreshed while this one waited for the lock: share its token.
            AccessToken now = current;
            if (now != null && now != seen && !now.dueForRefresh(clock.instant(), skew)) {
                return now.value();
            }
            if (mode == AuthMode.PRIVATE_APP) {
                return now.value();
            }
            TokenEndpoint.Grant grant = requestGrant();
            grant.refreshToken().ifPresent(rotated -> refreshToken = rotated);
            current = new AccessToken(grant.accessToken(), grant.expiresAt());
            refreshes.incrementAndGet();
            listener.refreshed(connection, grant.expiresAt(), refreshToken);
            return grant.accessToken();
        } finally {
            refreshLock.unlock();
        }
    }

    private TokenEndpoint.Grant requestGrant() {
        try {
            return mode == AuthMode.REFRESH_TOKEN ? endpoint.refresh(requireRefreshToken()) : endpoint.clientCredentials();
        } catch (TokenEndpoint.CredentialsRejected e) {
            enterReauth(e.getMessage());
            throw new NeedsReauthException(connection, reauthReason);
        }
    }

    private String requireRefreshToken() {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new TokenEndpoint.CredentialsRejected("no refresh token is configured", null);
        }
        return refreshToken;
    }

    private void enterReauth(String reason) {
        boolean entered = false;
        refreshLock.lock();
        try {
            if (reauthReason == null) {
                reauthReason = reason;
                entered = true;
            }
        } finally {
            refreshLock.unlock();
        }
        if (entered) {
            listener.needsReauth(connection, reason);
        }
    }
}
