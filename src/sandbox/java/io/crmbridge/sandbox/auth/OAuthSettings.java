package io.crmbridge.sandbox.auth;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The OAuth settings that can change at run time ({@code PUT /sandbox/hubspot/_sandbox/oauth/settings}); a null field
 * in a request leaves that setting as it is.
 */
@RegisterForReflection
public record OAuthSettings(Integer accessTokenLifetimeSeconds, Boolean rotateRefreshTokens) {

    static OAuthSettings of(OAuthConfig config) {
        return new OAuthSettings(config.accessTokenLifetimeSeconds(), config.rotateRefreshTokens());
    }

    OAuthSettings merge(OAuthSettings change) {
        return new OAuthSettings(
                change.accessTokenLifetimeSeconds() != null ? change.accessTokenLifetimeSeconds() : accessTokenLifetimeSeconds,
                change.rotateRefreshTokens() != null ? change.rotateRefreshTokens() : rotateRefreshTokens);
    }
}
