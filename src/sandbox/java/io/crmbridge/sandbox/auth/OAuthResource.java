package io.crmbridge.sandbox.auth;

import java.time.Duration;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxPaths;

/** HubSpot's OAuth v1 API: the token endpoint, token information and refresh-token deletion. */
@Path(SandboxPaths.HUBSPOT + "/oauth/v1")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    static final String USER = "sandbox-user@crm-bridge.local";
    static final String HUB_DOMAIN = "crm-bridge-sandbox.hubspot.local";
    static final int USER_ID = 1001;
    static final int APP_ID = 1;

    private final TokenGrants grants;
    private final TokenStore store;
    private final OAuthConfig config;

    OAuthResource(TokenGrants grants, TokenStore store, OAuthConfig config) {
        this.grants = grants;
        this.store = store;
        this.config = config;
    }

    /** The published spec also allows client_secret and refresh_token as query parameters; the form wins. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@BeanParam TokenForm form, @QueryParam("client_secret") String clientSecret,
            @QueryParam("refresh_token") String refreshToken) {
        if (form.clientSecret == null) {
            form.clientSecret = clientSecret;
        }
        if (form.refreshToken == null) {
            form.refreshToken = refreshToken;
        }
        return grants.grant(form);
    }

    @GET
    @Path("/access-tokens/{token}")
    public Response accessToken(@PathParam("token") String token) {
        return store.accessToken(token)
                .filter(t -> !t.revoked() && t.expiresAt().isAfter(store.now()))
                .map(t -> Response.ok(new AccessTokenInfo(t.token(), USER, HUB_DOMAIN, t.scopes(), config.hubId(), APP_ID,
                        Duration.between(store.now(), t.expiresAt()).toSeconds(), USER_ID, "access")).build())
                .orElseGet(() -> HubSpotError.notFound("access token not found, expired or revoked").toResponse(404));
    }

    @GET
    @Path("/refresh-tokens/{token}")
    public Response refreshToken(@PathParam("token") String token) {
        return store.refreshToken(token)
                .filter(t -> !t.revoked())
                .map(t -> Response.ok(new RefreshTokenInfo(t.token(), USER, HUB_DOMAIN, config.scopes(), config.hubId(),
                        t.clientId(), USER_ID, "refresh")).build())
                .orElseGet(() -> HubSpotError.notFound("refresh token not found or revoked").toResponse(404));
    }

    /** Deletes (revokes) a refresh token, and with it the access tokens issued from it. */
    @DELETE
    @Path("/refresh-tokens/{token}")
    public Response deleteRefreshToken(@PathParam("token") String token) {
        boolean known = store.refreshToken(token).filter(t -> !t.revoked()).isPresent();
        if (!known) {
            return HubSpotError.notFound("refresh token not found or revoked").toResponse(404);
        }
        store.revokeRefreshToken(token);
        return Response.noContent().build();
    }
}
