package io.crmbridge.sandbox.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The token endpoint's answer: HubSpot's {@code AccessTokenResponse} (refresh grant, with a refresh token) or
 * {@code ClientCredentialsTokenResponse} (no refresh token); {@code token_use} tells which.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("token_use") String tokenUse,
        @JsonProperty("hub_id") int hubId,
        @JsonProperty("scopes") List<String> scopes) {
}
