package io.crmbridge.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.crmbridge.connection.ConnectionAuth;
import io.crmbridge.connection.TokenEndpoint;
import io.crmbridge.probe.ProbeReport.Finding;
import io.crmbridge.probe.ProbeReport.Kind;

/** The token findings, the JWT lifetime, the table and the command line's options, without an application. */
class ProbeOutputTest {

    @Test
    void aJwtLifetimeIsExpMinusIatAndAnOpaqueTokenHasNone() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"x\",\"iat\":1700000000,\"exp\":1700000005}".getBytes(StandardCharsets.UTF_8));
        assertThat(JwtClaims.lifetimeSeconds("eyJhbGciOiJub25lIn0." + payload + ".sig")).contains(5L);
        assertThat(JwtClaims.lifetimeSeconds("opaque-token")).isEmpty();
        assertThat(JwtClaims.lifetimeSeconds("a.b.c")).isEmpty();
    }

    @Test
    void tokenFindingsSayWhetherTheRefreshTokenRotatedAndShowNoSecret() {
        TokenEndpoint.Grant grant = new TokenEndpoint.Grant("access-secret", Instant.parse("2026-01-01T00:00:05Z"),
                Optional.of("refresh-new"), Optional.of(5L));
        ProbeReport.AuthReport auth = TokenFindings.of("REFRESH_TOKEN", "http://crm/oauth/token",
                new ConnectionAuth.ObservedGrant("refresh-old", grant));
        assertThat(auth.expiresInSeconds()).isEqualTo(5L);
        assertThat(auth.refreshTokenRotated()).isTrue();
        assertThat(auth.refreshTokenReturned()).isTrue();
        assertThat(auth.accessToken().length()).isEqualTo("access-secret".length());
        assertThat(auth.toString()).doesNotContain("access-secret").doesNotContain("refresh-new")
                .doesNotContain("refresh-old");

        ProbeReport.AuthReport same = TokenFindings.of("REFRESH_TOKEN", "u",
                new ConnectionAuth.ObservedGrant("r", new TokenEndpoint.Grant("a", Instant.EPOCH, Optional.of("r"))));
        assertThat(same.refreshTokenRotated()).isFalse();
        ProbeReport.AuthReport none = TokenFindings.of("CLIENT_CREDENTIALS", "u",
                new ConnectionAuth.ObservedGrant(null, new TokenEndpoint.Grant("a", Instant.EPOCH, Optional.empty())));
        assertThat(none.refreshTokenReturned()).isFalse();
        assertThat(none.refreshTokenRotated()).isNull();
    }

    @Test
    void theTableShowsTheLifetimeTheHostsAndEachFinding() {
        ProbeReport report = new ProbeReport("clio", "clio", Instant.EPOCH,
                new ProbeReport.AuthReport("REFRESH_TOKEN", "http://crm/oauth/token", 5L, null, Instant.EPOCH,
                        new ProbeReport.Secret(40, "abcdef01"), true, true, new ProbeReport.Secret(20, "11111111"),
                        new ProbeReport.Secret(20, "22222222"), null),
                List.of(new ProbeReport.HostReport("https://app.crm", true, false, 503, "text/html", "<h1>down</h1>",
                        null, List.of(new ProbeReport.Redirect(301, "http://app.crm/x", "https://app.crm/x"))),
                        new ProbeReport.HostReport("https://eu.app.crm", false, true, 200, "application/json", null,
                                null, List.of())),
                "https://eu.app.crm",
                List.of(new ProbeReport.ObjectReport("deals", "42", 200, null, List.of(new Finding(
                        Kind.TYPE_MISMATCH, "practice-area", "practice_area", "string", "relationship", "{id=7}", "7",
                        "Family Law", "declared string, is a relationship object {id, name}")))));
        String table = ProbeTable.render(report);
        assertThat(table).contains("expires_in     5 s").contains("ROTATED")
                .contains("https://app.crm     configured   503     NO")
                .contains("https://eu.app.crm  alternative  200     yes")
                .containsPattern("redirect +301 +http://app.crm/x -> https://app.crm/x")
                .contains("TYPE_MISMATCH  practice-area  practice_area  string    relationship  {id: 7, name: Family Law}");
    }

    @Test
    void theCommandLineTakesItsUrlAndTokenFromOptionsOrTheEnvironment() {
        ProbeCli.Options fromEnv = ProbeCli.Options.parse(new String[] {"hubspot"},
                Map.of("CRMBRIDGE_ADMIN_TOKEN", "t", "CRMBRIDGE_URL", "http://bridge:9000/"));
        assertThat(fromEnv).isEqualTo(new ProbeCli.Options("hubspot", "http://bridge:9000", "t", false));
        ProbeCli.Options given = ProbeCli.Options.parse(new String[] {"clio", "--url", "http://x", "--token", "u", "--json"},
                Map.of());
        assertThat(given).isEqualTo(new ProbeCli.Options("clio", "http://x", "u", true));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ProbeCli.run(new String[] {"hubspot"}, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no admin token");
    }
}
