package io.crmbridge.sandbox.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** HubSpot's {@code AccessTokenInfoResponse} ({@code GET /oauth/v1/access-tokens/{token}}). */
@RegisterForReflection
public record AccessTokenInfo(
        @JsonProperty("token") String token,
        @JsonProperty("user") String user,
        @JsonProperty("hub_domain") String hubDomain,
        @JsonProperty("scopes") List<String> scopes,
        @JsonProperty("hub_id") int hubId,
        @JsonProperty("app_id") int appId,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("user_id") int userId,
        @JsonProperty("token_type") String tokenType) {
}
