package io.crmbridge.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;

import io.crmbridge.crm.CrmCallException;
import io.crmbridge.crm.ErrorPolicy;

/**
 * Tokens through a quarkus-oidc-client named after the connection (no discovery; the token path of the CRM, client
 * id and secret posted in the form body as HubSpot expects).
 */
final class OidcTokenEndpoint implements TokenEndpoint {

    /**
     * A refusal only an operator can fix: the OAuth error codes of RFC 6749 section 5.2, or a 4xx status where the
     * client reports one; the CRM's own codes its connector knows ({@link ErrorPolicy#rejectsCredentials}).
     * OidcClientException carries the token endpoint's error body as its message.
     */
    private static final Pattern REJECTION = Pattern.compile(
            "invalid_grant|invalid_client|unauthorized_client|unsupported_grant_type|invalid_scope|invalid_request"
                    + "|status: 4\\d\\d");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String connection;
    private final OidcClient client;
    private final ErrorPolicy policy;

    OidcTokenEndpoint(String connection, OidcClient client, ErrorPolicy policy) {
        this.connection = connection;
        this.client = client;
        this.policy = policy;
    }

    @Override
    public Grant refresh(String refreshToken) {
        return toGrant(await(() -> client.refreshTokens(refreshToken).await().atMost(WAIT)));
    }

    @Override
    public Grant clientCredentials() {
        return toGrant(await(() -> client.getTokens().await().atMost(WAIT)));
    }

    private Tokens await(java.util.function.Supplier<Tokens> call) {
        try {
            return call.get();
        } catch (OidcClientException e) {
            if (isRejection(e.getMessage(), policy)) {
                throw new CredentialsRejected("token endpoint refused the credentials: " + e.getMessage(), e);
            }
            // Unreachable or failing token endpoint: retry later, the credentials may be fine.
            throw new CrmCallException.Retryable(connection, 0, e.getMessage(), "token endpoint failed: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CrmCallException.Retryable(connection, 0, null, "token endpoint failed: " + e);
        }
    }

    static boolean isRejection(String message, ErrorPolicy policy) {
        return message != null && (REJECTION.matcher(message).find() || policy.rejectsCredentials(message));
    }

    private static Grant toGrant(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        Instant expiry = expiresAt == null ? Instant.now().plus(Duration.ofMinutes(5)) : Instant.ofEpochSecond(expiresAt);
        return new Grant(tokens.getAccessToken(), expiry, Optional.ofNullable(tokens.getRefreshToken()),
                expiresIn(tokens.get("expires_in")));
    }

    private static Optional<Long> expiresIn(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
