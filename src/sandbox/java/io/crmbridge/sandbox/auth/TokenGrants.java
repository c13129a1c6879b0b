package io.crmbridge.sandbox.auth;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Judges a token request and issues tokens: the {@code refresh_token} and {@code client_credentials} grants. */
@ApplicationScoped
public class TokenGrants {

    static final String TOKEN_TYPE = "bearer";

    private final TokenStore store;
    private final OAuthConfig config;

    TokenGrants(TokenStore store, OAuthConfig config) {
        this.store = store;
        this.config = config;
    }

    Response grant(TokenForm form) {
        if (!"refresh_token".equals(form.grantType) && !"client_credentials".equals(form.grantType)) {
            return OAuthError.badGrantType().toResponse();
        }
        if (!config.clientId().equals(form.clientId)) {
            return OAuthError.badClientId().toResponse();
        }
        if (!config.clientSecret().equals(form.clientSecret)) {
            return OAuthError.badClientSecret().toResponse();
        }
        return "refresh_token".equals(form.grantType) ? refresh(form) : clientCredentials(form);
    }

    private Response refresh(TokenForm form) {
        boolean usable = store.refreshToken(form.refreshToken)
                .filter(t -> !t.revoked() && t.clientId().equals(form.clientId))
                .isPresent();
        if (!usable) {
            return OAuthError.badRefreshToken().toResponse();
        }
        String refreshToken = form.refreshToken;
        if (store.settings().rotateRefreshTokens()) {
            var rotated = store.rotate(form.refreshToken);
            if (rotated.isEmpty()) {
                return OAuthError.badRefreshToken().toResponse();
            }
            refreshToken = rotated.get().token();
        }
        AccessToken issued = store.issueAccessToken(form.clientId, refreshToken, config.scopes());
        return Response.ok(new TokenResponse(TOKEN_TYPE, issued.token(), refreshToken, lifetime(), "access_token",
                config.hubId(), issued.scopes())).build();
    }

    private Response clientCredentials(TokenForm form) {
        List<String> scopes = form.scope == null || form.scope.isBlank()
                ? config.scopes()
                : Arrays.stream(form.scope.trim().split("[\\s,]+")).toList();
        AccessToken issued = store.issueAccessToken(form.clientId, null, scopes);
        return Response.ok(new TokenResponse(TOKEN_TYPE, issued.token(), null, lifetime(), "client_credentials",
                config.hubId(), issued.scopes())).build();
    }

    private long lifetime() {
        return store.settings().accessTokenLifetimeSeconds();
    }
}
