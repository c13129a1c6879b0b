package io.crmbridge.sandbox.clio;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.crmbridge.sandbox.auth.OAuthConfig;
import io.crmbridge.sandbox.auth.TokenStore;
import io.crmbridge.sandbox.faults.FaultInjector;
import io.crmbridge.sandbox.faults.FaultsConfig;
import io.crmbridge.sandbox.metrics.RequestCounters;
import io.crmbridge.sandbox.ratelimit.RateLimitConfig;
import io.crmbridge.sandbox.ratelimit.RateLimiter;

/**
 * The Clio dialect's own instances of the sandbox machinery the HubSpot dialect uses (token store, rate limiter,
 * fault injector, request counters): the same classes, fed Clio's settings, so each dialect keeps its own state.
 */
public class ClioMachinery {

    @Produces
    @Singleton
    @Clio
    TokenStore tokens(ClioConfig config) {
        ClioConfig.OAuth oauth = config.oauth();
        return new TokenStore(new OAuthConfig() {
            @Override
            public String clientId() {
                return oauth.clientId();
            }

            @Override
            public String clientSecret() {
                return oauth.clientSecret();
            }

            @Override
            public String refreshToken() {
                return oauth.refreshToken();
            }

            @Override
            public List<String> staticTokens() {
                return List.of(); // Clio has no private-app tokens: every token comes from the OAuth flow
            }

            @Override
            public int accessTokenLifetimeSeconds() {
                return oauth.accessTokenLifetimeSeconds();
            }

            @Override
            public boolean rotateRefreshTokens() {
                return oauth.rotateRefreshTokens();
            }

            @Override
            public int hubId() {
                return 0;
            }

            @Override
            public String appId() {
                return oauth.clientId();
            }

            @Override
            public List<String> scopes() {
                return List.of();
            }
        });
    }

    @Produces
    @Singleton
    @Clio
    RateLimiter rateLimiter(ClioConfig config) {
        return new RateLimiter(new RateLimitConfig() {
            @Override
            public int maxRequests() {
                return config.rateLimit().maxRequests();
            }

            @Override
            public Duration window() {
                return config.rateLimit().window();
            }

            @Override
            public long dailyMax() {
                return Long.MAX_VALUE; // Clio reports no daily allowance
            }
        });
    }

    @Produces
    @Singleton
    @Clio
    FaultInjector faults(FaultsConfig config) {
        return new FaultInjector(config);
    }

    @Produces
    @Singleton
    @Clio
    RequestCounters counters() {
        return new RequestCounters();
    }
}
