package io.crmbridge.sandbox.auth;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.HubSpotError;
import io.crmbridge.sandbox.SandboxPaths;

/**
 * Control endpoints for the sandbox's OAuth server: change token lifetime and rotation, revoke and (re-)issue refresh
 * tokens, expire or revoke access tokens, and reset everything to the configured state.
 */
@Path(SandboxPaths.CONTROL + "/oauth")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthControlResource {

    private final TokenStore store;

    OAuthControlResource(TokenStore store) {
        this.store = store;
    }

    @GET
    @Path("/settings")
    public OAuthSettings settings() {
        return store.settings();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("/settings")
    public Response changeSettings(OAuthSettings change) {
        if (change == null) {
            return HubSpotError.validation("a JSON body is required").toResponse(400);
        }
        if (change.accessTokenLifetimeSeconds() != null && change.accessTokenLifetimeSeconds() < 1) {
            return HubSpotError.validation("accessTokenLifetimeSeconds must be at least 1").toResponse(400);
        }
        return Response.ok(store.changeSettings(change)).build();
    }

    /** Back to the configured settings and tokens: only the configured refresh token, no access tokens. */
    @POST
    @Path("/reset")
    public OAuthSettings reset() {
        store.reset();
        return store.settings();
    }

    /** Issues a valid refresh token: {@code {"token": "..."}} re-activates or adds that one, an empty body a new one. */
    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/refresh-tokens")
    public Response addRefreshToken(Map<String, String> body) {
        RefreshToken added = store.addRefreshToken(body == null ? null : body.get("token"));
        return Response.status(201).entity(Map.of("token", added.token(), "clientId", added.clientId())).build();
    }

    @DELETE
    @Path("/refresh-tokens/{token}")
    public Response revokeRefreshToken(@PathParam("token") String token) {
        return store.revokeRefreshToken(token)
                ? Response.noContent().build()
                : HubSpotError.notFound("unknown refresh token").toResponse(404);
    }

    /** Every access token issued so far expires now (the static private-app tokens are untouched). */
    @POST
    @Path("/access-tokens/expire")
    public Map<String, Integer> expireAccessTokens() {
        return Map.of("expired", store.expireAllAccessTokens());
    }

    @DELETE
    @Path("/access-tokens/{token}")
    public Response revokeAccessToken(@PathParam("token") String token) {
        return store.revokeAccessToken(token)
                ? Response.noContent().build()
                : HubSpotError.notFound("unknown access token").toResponse(404);
    }
}
