package io.crmbridge.sandbox.auth;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's OAuth app and the account ("hub") its tokens belong to. */
@ConfigMapping(prefix = "crmbridge.sandbox.oauth")
public interface OAuthConfig {

    @WithDefault("sandbox")
    String clientId();

    @WithDefault("sandbox-secret")
    String clientSecret();

    /** A refresh token that is valid at start-up (more can be issued through the control endpoint). */
    @WithDefault("sandbox-refresh")
    String refreshToken();

    /** Private-app tokens: always valid, never expire. */
    @WithDefault("sandbox-token")
    List<String> staticTokens();

    /** Lifetime of an access token issued by the token endpoint, in seconds (HubSpot's is 1800). */
    @WithDefault("1800")
    int accessTokenLifetimeSeconds();

    /** Each refresh returns a new refresh token and retires the one used. */
    @WithDefault("false")
    boolean rotateRefreshTokens();

    /** The account id the tokens report ({@code hub_id}). */
    @WithDefault("24681357")
    int hubId();

    /**
     * The id of the app the tokens belong to: property history reports writes made with any of its tokens (OAuth
     * access token or private-app token) as {@code sourceType: INTEGRATION} with this {@code sourceId}.
     */
    @WithDefault("4242001")
    String appId();

    @WithDefault("oauth,crm.objects.contacts.read,crm.objects.contacts.write,crm.objects.companies.read,"
            + "crm.objects.companies.write,crm.objects.deals.read,crm.objects.deals.write,crm.objects.owners.read")
    List<String> scopes();
}
