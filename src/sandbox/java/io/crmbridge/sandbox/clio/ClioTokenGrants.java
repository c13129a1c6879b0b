package io.crmbridge.sandbox.clio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.crmbridge.sandbox.auth.AccessToken;
import io.crmbridge.sandbox.auth.TokenStore;

/**
 * Clio's token endpoint ({@code POST /oauth/token}, form): {@code grant_type=authorization_code} with {@code code}
 * (once per code; issues a refresh token) or {@code grant_type=refresh_token} with {@code refresh_token}, each with
 * {@code client_id} and {@code client_secret}. Answers {@code {"access_token", "token_type": "bearer",
 * "expires_in", "refresh_token"}}; a refresh answers a {@code refresh_token} only when rotation is on (the new one;
 * the one used then stops working). Errors are RFC 6749's: 401 {@code invalid_client}, 400 {@code invalid_grant}
 * or {@code unsupported_grant_type}.
 */
@ApplicationScoped
public class ClioTokenGrants {

    private final TokenStore tokens;
    private final ClioAuthCodes codes;
    private final ClioConfig config;

    ClioTokenGrants(@Clio TokenStore tokens, ClioAuthCodes codes, ClioConfig config) {
        this.tokens = tokens;
        this.codes = codes;
        this.config = config;
    }

    Response grant(String grantType, String code, String refreshToken, String clientId, String clientSecret) {
        if (!config.oauth().clientId().equals(clientId) || !config.oauth().clientSecret().equals(clientSecret)) {
            return error(401, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret");
        }
        if ("authorization_code".equals(grantType)) {
            if (!codes.consume(code)) {
                return error(400, "invalid_grant", "The authorization code is invalid, expired or already used");
            }
            String refresh = tokens.addRefreshToken(null).token();
            return answer(tokens.issueAccessToken(clientId, refresh, List.of()), refresh);
        }
        if ("refresh_token".equals(grantType)) {
            boolean usable = tokens.refreshToken(refreshToken).filter(t -> !t.revoked()).isPresent();
            if (!usable) {
                return error(400, "invalid_grant", "The refresh token is invalid or was revoked");
            }
            if (tokens.settings().rotateRefreshTokens()) {
                var rotated = tokens.rotate(refreshToken);
                if (rotated.isEmpty()) {
                    return error(400, "invalid_grant", "The refresh token is invalid or was revoked");
                }
                return answer(tokens.issueAccessToken(clientId, rotated.get().token(), List.of()), rotated.get().token());
            }
            return answer(tokens.issueAccessToken(clientId, refreshToken, List.of()), null);
        }
        return error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }

    private Response answer(AccessToken issued, String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "bearer");
        body.put("expires_in", tokens.settings().accessTokenLifetimeSeconds());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return Response.ok(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
