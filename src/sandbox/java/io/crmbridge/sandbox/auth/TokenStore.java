package io.crmbridge.sandbox.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sandbox's OAuth state: refresh tokens, issued access tokens, the static private-app tokens and the settings that
 * can change at run time. Access tokens that expired are kept a while so a late call still hears "expired N seconds
 * ago" rather than "unknown".
 */
@ApplicationScoped
public class TokenStore {

    /** Expired access tokens older than this are forgotten (they then answer as unknown). */
    private static final Duration KEEP_EXPIRED = Duration.ofHours(1);
    private static final int PRUNE_ABOVE = 10_000;

    private final OAuthConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> staticTokens;
    private volatile OAuthSettings settings;

    public TokenStore(OAuthConfig config) {
        this(config, Clock.systemUTC());
    }

    @Inject
    public TokenStore(OAuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.staticTokens = Set.copyOf(config.staticTokens());
        reset();
    }

    /** Back to the configured state: default settings, only the configured refresh token, no access tokens. */
    public synchronized void reset() {
        settings = OAuthSettings.of(config);
        accessTokens.clear();
        refreshTokens.clear();
        refreshTokens.put(config.refreshToken(), new RefreshToken(config.refreshToken(), config.clientId(), false));
    }

    public OAuthSettings settings() {
        return settings;
    }

    public synchronized OAuthSettings changeSettings(OAuthSettings change) {
        settings = settings.merge(change);
        return settings;
    }

    public Instant now() {
        return clock.instant();
    }

    // --- refresh tokens ---

    public Optional<RefreshToken> refreshToken(String token) {
        return Optional.ofNullable(token).map(refreshTokens::get);
    }

    /** Adds a valid refresh token for the configured client: the given one (re-activated if revoked) or a new one. */
    public RefreshToken addRefreshToken(String token) {
        String value = token == null || token.isBlank() ? newToken("sbx-rt-") : token;
        RefreshToken added = new RefreshToken(value, config.clientId(), false);
        refreshTokens.put(value, added);
        return added;
    }

    /** Revokes a refresh token and every access token issued from it; false when the token is unknown. */
    public boolean revokeRefreshToken(String token) {
        RefreshToken revoked = refreshTokens.computeIfPresent(token, (k, v) -> v.revoke());
        if (revoked == null) {
            return false;
        }
        accessTokens.replaceAll((k, v) -> token.equals(v.refreshToken()) ? v.revoke() : v);
        return true;
    }

    /** Retires {@code used} and returns its replacement, atomically (two refreshes with one token: one wins). */
    public synchronized Optional<RefreshToken> rotate(String used) {
        RefreshToken current = refreshTokens.get(used);
        if (current == null || current.revoked()) {
            return Optional.empty();
        }
        refreshTokens.put(used, current.revoke());
        return Optional.of(addRefreshToken(null));
    }

    // --- access tokens ---

    public AccessToken issueAccessToken(String clientId, String refreshToken, List<String> scopes) {
        pruneExpired();
        Instant expiresAt = now().plusSeconds(settings.accessTokenLifetimeSeconds());
        AccessToken issued = new AccessToken(newToken("sbx-at-"), clientId, refreshToken, List.copyOf(scopes), expiresAt,
                false);
        accessTokens.put(issued.token(), issued);
        return issued;
    }

    Optional<AccessToken> accessToken(String token) {
        return Optional.ofNullable(token).map(accessTokens::get);
    }

    /** Makes every issued access token expire now; answers how many were still valid. */
    public int expireAllAccessTokens() {
        Instant now = now();
        int[] live = { 0 };
        accessTokens.replaceAll((k, v) -> {
            if (!v.revoked() && v.expiresAt().isAfter(now)) {
                live[0]++;
            }
            return v.expireAt(now);
        });
        return live[0];
    }

    public boolean revokeAccessToken(String token) {
        return accessTokens.computeIfPresent(token, (k, v) -> v.revoke()) != null;
    }

    /** Judges the bearer token of a CRM call. */
    public TokenCheck check(String token) {
        if (token == null || token.isBlank()) {
            return new TokenCheck.Missing();
        }
        if (staticTokens.contains(token)) {
            return new TokenCheck.Valid(token);
        }
        AccessToken issued = accessTokens.get(token);
        if (issued == null) {
            return new TokenCheck.Unknown();
        }
        if (issued.revoked()) {
            return new TokenCheck.Revoked();
        }
        Instant now = now();
        if (!issued.expiresAt().isAfter(now)) {
            return new TokenCheck.Expired(issued.expiresAt(), Duration.between(issued.expiresAt(), now).toSeconds());
        }
        return new TokenCheck.Valid(token);
    }

    private void pruneExpired() {
        if (accessTokens.size() > PRUNE_ABOVE) {
            Instant horizon = now().minus(KEEP_EXPIRED);
            accessTokens.values().removeIf(t -> t.expiresAt().isBefore(horizon));
        }
    }

    private String newToken(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
