package io.crmbridge.sandbox.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** HubSpot's {@code RefreshTokenInfoResponse} ({@code GET /oauth/v1/refresh-tokens/{token}}). */
@RegisterForReflection
public record RefreshTokenInfo(
        @JsonProperty("token") String token,
        @JsonProperty("user") String user,
        @JsonProperty("hub_domain") String hubDomain,
        @JsonProperty("scopes") List<String> scopes,
        @JsonProperty("hub_id") int hubId,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("user_id") int userId,
        @JsonProperty("token_type") String tokenType) {
}
