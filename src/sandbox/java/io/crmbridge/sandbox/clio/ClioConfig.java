package io.crmbridge.sandbox.clio;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Clio-shaped sandbox: its OAuth app, its rate limit (Clio's default: 50 requests a minute per token). */
@ConfigMapping(prefix = "crmbridge.sandbox.clio")
public interface ClioConfig {

    OAuth oauth();

    RateLimit rateLimit();

    /** How long index (list) queries lag writes (Clio's are eventually consistent); reads by id never lag. */
    @WithDefault("0s")
    Duration listLag();

    interface OAuth {
        @WithDefault("clio-sandbox")
        String clientId();

        @WithDefault("clio-sandbox-secret")
        String clientSecret();

        /** An authorization code valid (once) at start-up and after each reset. */
        @WithDefault("clio-sandbox-code")
        String authorizationCode();

        /** A refresh token valid at start-up and after each reset. */
        @WithDefault("clio-sandbox-refresh")
        String refreshToken();

        /** Access-token lifetime in seconds (Clio's own: 30 days). */
        @WithDefault("2592000")
        int accessTokenLifetimeSeconds();

        /** Each refresh returns a new refresh token and retires the one used. */
        @WithDefault("false")
        boolean rotateRefreshTokens();
    }

    interface RateLimit {
        @WithDefault("50")
        int maxRequests();

        @WithDefault("60s")
        Duration window();
    }
}
