package io.crmbridge.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;

/**
 * Tokens through a quarkus-oidc-client named after the connection (no discovery; the token path of the CRM, client
 * id and secret posted in the form body as HubSpot expects).
 */
final class OidcTokenEndpoint implements TokenEndpoint {

    /** OidcClientImpl reports a refused grant as "... grant request:  status: 400, error message: ...". */
    private static final Pattern STATUS = Pattern.compile("status: (\\d{3})");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final OidcClient client;

    OidcTokenEndpoint(OidcClient client) {
        this.client = client;
    }

    @Override
    public Grant refresh(String refreshToken) {
        return toGrant(await(() -> client.refreshTokens(refreshToken).await().atMost(WAIT)));
    }

    @Override
    public Grant clientCredentials() {
        return toGrant(await(() -> client.getTokens().await().atMost(WAIT)));
    }

    private static Tokens await(java.util.function.Supplier<Tokens> call) {
        try {
            return call.get();
        } catch (OidcClientException e) {
            if (isRejection(e.getMessage())) {
                throw new CredentialsRejected("token endpoint refused the credentials: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    static boolean isRejection(String message) {
        if (message == null) {
            return false;
        }
        Matcher m = STATUS.matcher(message);
        return m.find() && (m.group(1).equals("400") || m.group(1).equals("401"));
    }

    private static Grant toGrant(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        Instant expiry = expiresAt == null ? Instant.now().plus(Duration.ofMinutes(5)) : Instant.ofEpochSecond(expiresAt);
        return new Grant(tokens.getAccessToken(), expiry, Optional.ofNullable(tokens.getRefreshToken()));
    }
}
