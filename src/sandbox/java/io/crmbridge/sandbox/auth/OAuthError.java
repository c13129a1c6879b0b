package io.crmbridge.sandbox.auth;

import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The token endpoint's error body. HubSpot's v1 endpoint names the problem in {@code status} ({@code BAD_CLIENT_ID},
 * {@code BAD_REFRESH_TOKEN}, ...) next to the {@code message} and {@code correlationId} of its usual error body;
 * {@code error}/{@code error_description} carry the same in RFC 6749 terms ({@code invalid_grant}) for generic
 * OAuth clients. {@code category} keeps the body valid against the published {@code Error} schema.
 */
@RegisterForReflection
public record OAuthError(
        @JsonProperty("status") String status,
        @JsonProperty("message") String message,
        @JsonProperty("correlationId") String correlationId,
        @JsonProperty("category") String category,
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription) {

    static OAuthError of(String status, String oauthError, String message) {
        return new OAuthError(status, message, UUID.randomUUID().toString(), "VALIDATION_ERROR", oauthError, message);
    }

    static OAuthError badGrantType() {
        return of("BAD_GRANT_TYPE", "unsupported_grant_type",
                "missing or unsupported grant_type (this sandbox serves refresh_token and client_credentials)");
    }

    static OAuthError badClientId() {
        return of("BAD_CLIENT_ID", "invalid_client", "missing or invalid client_id");
    }

    static OAuthError badClientSecret() {
        return of("BAD_CLIENT_SECRET", "invalid_client", "missing or invalid client_secret");
    }

    static OAuthError badRefreshToken() {
        return of("BAD_REFRESH_TOKEN", "invalid_grant", "missing or invalid refresh token");
    }

    Response toResponse() {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }
}
