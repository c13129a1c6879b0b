package io.crmbridge.probe;

import io.crmbridge.connection.ConnectionAuth;
import io.crmbridge.connection.TokenEndpoint;

/** The auth section of a probe report from what one refresh sent and got. */
final class TokenFindings {

    private TokenFindings() {
    }

    static ProbeReport.AuthReport of(String mode, String tokenEndpoint, ConnectionAuth.ObservedGrant observed) {
        TokenEndpoint.Grant grant = observed.grant();
        String sent = observed.sentRefreshToken();
        String received = grant.refreshToken().orElse(null);
        Boolean rotated = sent == null || received == null ? null : !sent.equals(received);
        return new ProbeReport.AuthReport(mode, tokenEndpoint, grant.expiresIn().orElse(null),
                JwtClaims.lifetimeSeconds(grant.accessToken()).orElse(null), grant.expiresAt(),
                Secrets.of(grant.accessToken()), received != null, rotated, Secrets.of(sent), Secrets.of(received), null);
    }

    static ProbeReport.AuthReport staticToken(String mode, String token) {
        return new ProbeReport.AuthReport(mode, null, null, JwtClaims.lifetimeSeconds(token).orElse(null), null,
                Secrets.of(token), null, null, null, null, null);
    }

    static ProbeReport.AuthReport failed(String mode, String tokenEndpoint, String error) {
        return new ProbeReport.AuthReport(mode, tokenEndpoint, null, null, null, null, null, null, null, null, error);
    }
}
