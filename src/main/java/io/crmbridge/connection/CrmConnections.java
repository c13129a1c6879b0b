package io.crmbridge.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.crmbridge.connection.ConnectionsConfig.AuthMode;
import io.crmbridge.crm.CrmConnectors;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig.Grant;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;

/**
 * The configured connections, each with its token handling and rate gate, built on first use (after the HTTP server
 * is up, so a base URL may name this application's own port as {@code {local-port}} to reach the embedded sandbox).
 */
@ApplicationScoped
public class CrmConnections {

    /** One connection as the routes use it. */
    public record Live(String name, ConnectionsConfig.Connection config, String baseUrl, ConnectionAuth auth, RateGate gate) {
    }

    private final ConnectionsConfig config;
    private final ConnectionStateStore store;
    private final ConnectionStateRecorder recorder;
    private final ConnectionStateConfig stateConfig;
    private final DataSource dataSource;
    private final OidcClients oidcClients;
    private final CrmConnectors connectors;
    private final Map<String, Live> live = new ConcurrentHashMap<>();

    CrmConnections(ConnectionsConfig config, ConnectionStateStore store, ConnectionStateRecorder recorder,
            ConnectionStateConfig stateConfig, DataSource dataSource, OidcClients oidcClients, CrmConnectors connectors) {
        this.connectors = connectors;
        this.stateConfig = stateConfig;
        this.dataSource = dataSource;
        this.config = config;
        this.store = store;
        this.recorder = recorder;
        this.oidcClients = oidcClients;
    }

    public Set<String> names() {
        return config.connections().keySet();
    }

    public Live get(String name) {
        return live.computeIfAbsent(name, this::build);
    }

    /**
     * An operator's new refresh token (or none, to retry the current credentials): resume without a restart, on every
     * replica (the new token and state are in table {@code connection_state}).
     */
    public void reauthorize(String name, String newRefreshToken) {
        get(name).auth().reauthorize(newRefreshToken);
    }

    private Live build(String name) {
        ConnectionsConfig.Connection c = config.connections().get(name);
        if (c == null) {
            throw new NoSuchElementException("no connection named " + name + " (crmbridge.connections." + name + ".*)");
        }
        String baseUrl = LocalPort.expand(baseUrl(name, c));
        ConnectionsConfig.Auth auth = c.auth();
        TokenEndpoint endpoint = auth.mode() == AuthMode.PRIVATE_APP ? null : oidcEndpoint(name, baseUrl, auth);
        // A refresh token rotated (or given by an operator) earlier, kept in connection_state, wins over the
        // configured initial one; so does a NEEDS_REAUTH recorded before a restart or by another replica.
        ConnectionAuth connectionAuth = new ConnectionAuth(name, auth.mode(), auth.token().orElse(null),
                auth.refreshToken().orElse(null), endpoint, auth.refreshSkew(), Clock.systemUTC(), recorder, store,
                stateConfig.maxAge());
        return new Live(name, c, baseUrl, connectionAuth, gate(name, c.rateLimit()));
    }

    /** This replica's door to the connection's rate limit, which every replica shares through PostgreSQL. */
    public RateGate gate(String name, ConnectionsConfig.RateLimit limit) {
        RateBudget budget = RateBudget.of(limit);
        return new RateGate(new SharedPermits(dataSource, name, budget), budget.leaseSize(), budget.leaseValidity());
    }

    private TokenEndpoint oidcEndpoint(String name, String baseUrl, ConnectionsConfig.Auth auth) {
        OidcClientConfigBuilder builder = new OidcClientConfigBuilder()
                .id(name)
                .authServerUrl(auth.tokenUrlBase().map(LocalPort::expand)
                        .or(() -> connectors.of(name).tokenUrlBase(baseUrl)).orElse(baseUrl))
                .discoveryEnabled(false)
                .tokenPath(auth.tokenPath().orElse(connectors.of(name).defaultTokenPath()))
                .clientId(auth.clientId().orElseThrow(() -> missing(name, "client-id")))
                .credentials().clientSecret(auth.clientSecret().orElseThrow(() -> missing(name, "client-secret")), Method.POST)
                .end()
                .connectionTimeout(Duration.ofSeconds(10))
                .grant(auth.mode() == AuthMode.REFRESH_TOKEN ? Grant.Type.REFRESH : Grant.Type.CLIENT);
        auth.scopes().ifPresent(builder::scopes);
        return new OidcTokenEndpoint(name, oidcClients.newClient(builder.build()).await().atMost(Duration.ofSeconds(30)),
                connectors.errors(name));
    }

    /** The configured base URL, else the connector's for the configured region. */
    private String baseUrl(String name, ConnectionsConfig.Connection c) {
        return c.baseUrl()
                .or(() -> c.region().flatMap(region -> connectors.of(name).baseUrl(region)))
                .orElseThrow(() -> new IllegalStateException("crmbridge.connections." + name
                        + ".base-url is required (or a region its kind knows)"));
    }

    private static IllegalStateException missing(String name, String key) {
        return new IllegalStateException("crmbridge.connections." + name + ".auth." + key + " is required");
    }
}
