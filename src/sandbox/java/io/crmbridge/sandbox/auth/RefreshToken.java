package io.crmbridge.sandbox.auth;

/** A refresh token and the client it was issued to; a revoked (or rotated away) one is kept so it answers 400. */
public record RefreshToken(String token, String clientId, boolean revoked) {

    RefreshToken revoke() {
        return new RefreshToken(token, clientId, true);
    }
}
