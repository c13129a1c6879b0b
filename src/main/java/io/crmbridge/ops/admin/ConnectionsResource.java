package io.crmbridge.ops.admin;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.crmbridge.connection.ConnectionAuth;
import io.crmbridge.connection.CrmConnections;
import io.crmbridge.connection.PropertyProvisioning;
import io.crmbridge.inbound.PollFreshness;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Connections as an operator sees them (never a secret), and new credentials without a restart. */
@Path("/admin/connections")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionsResource {

    /**
     * {@code state} and {@code reason} are the connection's shared state (table {@code connection_state}), the same on
     * every replica; {@code tokenRefreshes} counts every replica's; {@code polls} is the freshness of its running
     * pollers (the {@code /q/health/well} checks {@code crm-connections} and {@code crm-polls}).
     */
    @RegisterForReflection
    public record ConnectionView(String name, String kind, String baseUrl, String authMode, String state, String reason,
            Instant accessTokenExpiresAt, long tokenRefreshes, List<PollView> polls) {
    }

    @RegisterForReflection
    public record PollView(String object, String status, Instant lastProgress, String detail) {
    }

    @RegisterForReflection
    public record Credentials(String refreshToken) {
    }

    private final CrmConnections connections;
    private final PropertyProvisioning provisioning;
    private final PollFreshness freshness;

    ConnectionsResource(CrmConnections connections, PropertyProvisioning provisioning, PollFreshness freshness) {
        this.connections = connections;
        this.provisioning = provisioning;
        this.freshness = freshness;
    }

    /** Creates the bridge's own CRM properties that are missing (idempotent) and says what the connection has. */
    @POST
    @Path("/{name}/provision")
    public PropertyProvisioning.State provision(@PathParam("name") String name) {
        get(name);
        return provisioning.provision(name);
    }

    /** The last provisioning outcome (404 before the first). */
    @GET
    @Path("/{name}/provision")
    public PropertyProvisioning.State provisioned(@PathParam("name") String name) {
        get(name);
        PropertyProvisioning.State state = provisioning.last(name);
        if (state == null) {
            throw new NotFoundException("connection " + name + " has not been provisioned yet");
        }
        return state;
    }

    @GET
    public List<ConnectionView> list() {
        return connections.names().stream().sorted().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    public ConnectionView get(@PathParam("name") String name) {
        return view(known(name));
    }

    /** New credentials (a new refresh token, or none to retry the configured ones): leave NEEDS_REAUTH and resume. */
    @POST
    @Path("/{name}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionView reauthorize(@PathParam("name") String name, Credentials credentials) {
        connections.reauthorize(known(name), credentials == null ? null : credentials.refreshToken());
        return view(name);
    }

    private String known(String name) {
        if (!connections.names().contains(name)) {
            throw new NotFoundException("no connection named " + name);
        }
        return name;
    }

    private ConnectionView view(String name) {
        try {
            CrmConnections.Live live = connections.get(name);
            ConnectionAuth auth = live.auth();
            Instant expires = auth.accessTokenExpiresAt();
            return new ConnectionView(name, live.config().kind(), live.baseUrl(), live.config().auth().mode().name(),
                    auth.needsReauth() ? "NEEDS_REAUTH" : "ACTIVE", auth.reauthReason(),
                    Instant.MAX.equals(expires) ? null : expires, auth.sharedRefreshCount(), polls(name));
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private List<PollView> polls(String connection) {
        return freshness.statuses().stream()
                .filter(status -> status.poller().connection().equals(connection))
                .map(status -> new PollView(status.poller().object(), status.fresh() ? "FRESH" : "STALE",
                        status.lastProgress(), status.detail()))
                .toList();
    }
}
