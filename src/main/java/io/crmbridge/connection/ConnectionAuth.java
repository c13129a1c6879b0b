package io.crmbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

import io.crmbridge.connection.ConnectionsConfig.AuthMode;

/**
 * The access token of one connection.
 *
 * <p>Refreshes ahead of expiry from the token's own lifetime (a 401 is only the fallback: some APIs answer 200 or 403
 * on an expired token). One refresh at a time: concurrent callers wait for it and share its result.
 *
 * <p>Whether the connection needs re-authorization is not this object's to keep: it lives in
 * {@link SharedConnectionState} (table {@code connection_state}), read again at most every {@code stateMaxAge}, so
 * every replica, and this one after a restart, sees the same NEEDS_REAUTH. New credentials given to any replica move
 * the shared credentials version: a replica that sees it move drops its access token and takes the stored refresh
 * token.
 */
public final class ConnectionAuth {

    private static final Logger LOG = Logger.getLogger(ConnectionAuth.class);

    /** What the rest of the application hears about this connection's tokens (metrics, operator alerts). */
    public interface Listener {
        void refreshed(String connection, Instant expiresAt, String refreshToken);

        /** This replica put the connection into NEEDS_REAUTH (once per episode across all replicas). */
        void needsReauth(String connection, String reason);

        void reauthorized(String connection);
    }

    private record AccessToken(String value, Instant expiresAt, long credentialsVersion) {
        boolean dueForRefresh(Instant now, Duration skew) {
            return !now.isBefore(expiresAt.minus(skew));
        }
    }

    private final String connection;
    private final AuthMode mode;
    private final String staticToken;
    private final TokenEndpoint endpoint;
    private final Duration skew;
    private final Clock clock;
    private final Listener listener;
    private final SharedConnectionState shared;
    private final long stateMaxAgeNanos;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicLong refreshes = new AtomicLong();

    private volatile AccessToken current;
    private volatile String refreshToken;
    private volatile SharedConnectionState.View view;
    private volatile long viewReadAtNanos;

    public ConnectionAuth(String connection, AuthMode mode, String staticTokenOrNull, String refreshToken,
            TokenEndpoint endpoint, Duration skew, Clock clock, Listener listener, SharedConnectionState shared,
            Duration stateMaxAge) {
        this.connection = connection;
        this.mode = mode;
        this.endpoint = endpoint;
        this.skew = skew;
        this.clock = clock;
        this.listener = listener;
        this.shared = shared;
        this.stateMaxAgeNanos = stateMaxAge.toNanos();
        this.refreshToken = refreshToken;
        this.staticToken = mode == AuthMode.PRIVATE_APP ? Objects.requireNonNull(staticTokenOrNull,
                "connection " + connection + ": auth.token is required for mode private-app") : null;
        this.view = reload();
    }

    /** A token that is valid now and for at least the refresh skew, refreshing first when needed. */
    public String accessToken() {
        SharedConnectionState.View state = state();
        AccessToken seen = current;
        if (!state.needsReauth() && seen != null && !seen.dueForRefresh(clock.instant(), skew)) {
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
            enterReauth("the private-app token was rejected with 401", versionOfCurrentToken());
            throw new NeedsReauthException(connection, reauthReason());
        }
        AccessToken seen = current;
        if (seen != null && !seen.value().equals(rejectedToken)) {
            return seen.value();
        }
        return refresh(seen);
    }

    /** One refresh as the contract probe sees it: the refresh token sent (null for client credentials) and the grant. */
    public record ObservedGrant(String sentRefreshToken, TokenEndpoint.Grant grant) {
    }

    /**
     * Refreshes now, whatever the current token's expiry (the contract probe: what does the token endpoint really
     * return?). The new access token and a rotated refresh token are kept exactly as by any refresh, so the connection
     * goes on with them. Only for the OAuth modes: a private-app token has no endpoint.
     */
    public ObservedGrant refreshNow() {
        if (mode == AuthMode.PRIVATE_APP) {
            throw new IllegalStateException("connection " + connection + " uses a private-app token: nothing to refresh");
        }
        refreshLock.lock();
        try {
            SharedConnectionState.View state = reloadState();
            String sent = mode == AuthMode.REFRESH_TOKEN ? refreshToken : null;
            TokenEndpoint.Grant grant = requestGrant(state.credentialsVersion());
            adopt(grant, state);
            return new ObservedGrant(sent, grant);
        } finally {
            refreshLock.unlock();
        }
    }

    /** New credentials from an operator: leave NEEDS_REAUTH on every replica; the next call fetches a fresh token. */
    public void reauthorize(String newRefreshToken) {
        refreshLock.lock();
        try {
            shared.reauthorize(connection, newRefreshToken);
            view = reload();
        } finally {
            refreshLock.unlock();
        }
        listener.reauthorized(connection);
    }

    /** The CRM refused this connection in a way only an operator can fix (401 after a refresh, 403 scope, 410). */
    public void suspend(String reason) {
        enterReauth(reason, versionOfCurrentToken());
    }

    /** Whether the connection needs new credentials, as every replica sees it (table {@code connection_state}). */
    public boolean needsReauth() {
        return state().needsReauth();
    }

    public String reauthReason() {
        return state().reauthReason();
    }

    /** Token refreshes by this replica. */
    public long refreshCount() {
        return refreshes.get();
    }

    /** Token refreshes by every replica (table {@code connection_state}). */
    public long sharedRefreshCount() {
        return state().refreshCount();
    }

    public Instant accessTokenExpiresAt() {
        if (mode == AuthMode.PRIVATE_APP) {
            return Instant.MAX;
        }
        AccessToken token = current;
        return token == null ? null : token.expiresAt();
    }

    public String connection() {
        return connection;
    }

    // --- the shared state ------------------------------------------------------------------------------------

    private SharedConnectionState.View state() {
        if (System.nanoTime() - viewReadAtNanos > stateMaxAgeNanos) {
            try {
                view = reload();
            } catch (RuntimeException e) {
                // The database is the thing that is down: keep the last state seen rather than fail every caller.
                LOG.warnf("Connection %s: reading its shared state failed, using the last one seen: %s", connection,
                        e.getMessage());
            }
        }
        return view;
    }

    /** Reads the shared state and adopts newer credentials given on any replica. */
    private SharedConnectionState.View reload() {
        SharedConnectionState.View fresh = shared.read(connection);
        viewReadAtNanos = System.nanoTime();
        if (fresh.refreshToken() != null) {
            refreshToken = fresh.refreshToken();
        }
        AccessToken token = current;
        if (token != null && token.credentialsVersion() < fresh.credentialsVersion()) {
            current = null;
        }
        return fresh;
    }

    private long versionOfCurrentToken() {
        AccessToken token = current;
        return token == null ? view.credentialsVersion() : token.credentialsVersion();
    }

    // --- refresh ---------------------------------------------------------------------------------------------

    /** The shared state, read again and kept; a connection that needs re-authorization refuses to refresh. */
    private SharedConnectionState.View reloadState() {
        SharedConnectionState.View state = reload();
        view = state;
        if (state.needsReauth()) {
            throw new NeedsReauthException(connection, state.reauthReason());
        }
        return state;
    }

    private String refresh(AccessToken seen) {
        refreshLock.lock();
        try {
            // Read the shared state first: NEEDS_REAUTH set by another replica, or a refresh token rotated there.
            SharedConnectionState.View state = reloadState();
            if (mode == AuthMode.PRIVATE_APP) {
                current = new AccessToken(staticToken, Instant.MAX, state.credentialsVersion());
                return staticToken;
            }
            // Another caller refreshed while this one waited for the lock: share its token.
            AccessToken now = current;
            if (now != null && now != seen && !now.dueForRefresh(clock.instant(), skew)) {
                return now.value();
            }
            TokenEndpoint.Grant grant = requestGrant(state.credentialsVersion());
            adopt(grant, state);
            return grant.accessToken();
        } finally {
            refreshLock.unlock();
        }
    }

    /** Takes a new grant as the current token; a rotated refresh token is kept (table connection_state). */
    private void adopt(TokenEndpoint.Grant grant, SharedConnectionState.View state) {
        grant.refreshToken().ifPresent(rotated -> refreshToken = rotated);
        // The token's lifetime counted on the clock that decides when to refresh it.
        Instant expiresAt = grant.expiresIn().map(seconds -> clock.instant().plusSeconds(seconds)).orElse(grant.expiresAt());
        current = new AccessToken(grant.accessToken(), expiresAt, state.credentialsVersion());
        refreshes.incrementAndGet();
        shared.recordRefresh(connection, expiresAt, grant.refreshToken().orElse(null));
        listener.refreshed(connection, expiresAt, refreshToken);
    }

    private TokenEndpoint.Grant requestGrant(long credentialsVersion) {
        try {
            return mode == AuthMode.REFRESH_TOKEN ? endpoint.refresh(requireRefreshToken()) : endpoint.clientCredentials();
        } catch (TokenEndpoint.CredentialsRejected e) {
            enterReauth(e.getMessage(), credentialsVersion);
            throw new NeedsReauthException(connection, reauthReason());
        }
    }

    private String requireRefreshToken() {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new TokenEndpoint.CredentialsRejected("no refresh token is configured", null);
        }
        return refreshToken;
    }

    private void enterReauth(String reason, long failedVersion) {
        boolean entered = shared.markNeedsReauth(connection, reason, failedVersion);
        view = reload();
        if (entered) {
            listener.needsReauth(connection, reason);
        }
    }
}
