package io.crmbridge.sandbox.auth;

import java.time.Instant;
import java.util.List;

/** An access token the token endpoint issued. {@code refreshToken} is null for the client-credentials grant. */
public record AccessToken(String token, String clientId, String refreshToken, List<String> scopes, Instant expiresAt,
        boolean revoked) {

    AccessToken revoke() {
        return new AccessToken(token, clientId, refreshToken, scopes, expiresAt, true);
    }

    AccessToken expireAt(Instant when) {
        return new AccessToken(token, clientId, refreshToken, scopes, when.isBefore(expiresAt) ? when : expiresAt, revoked);
    }
}
