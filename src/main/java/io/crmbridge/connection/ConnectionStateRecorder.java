package io.crmbridge.connection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.crmbridge.ops.OperatorAlerts;
import io.micrometer.core.instrument.MeterRegistry;

/** Persists what a connection's tokens go through and tells the operator when it needs new credentials. */
@ApplicationScoped
public class ConnectionStateRecorder implements ConnectionAuth.Listener {

    static final String NEEDS_REAUTH_ALERT = "CONNECTION_NEEDS_REAUTH";
    private static final Logger LOG = Logger.getLogger(ConnectionStateRecorder.class);

    private final ConnectionStateStore store;
    private final OperatorAlerts alerts;
    private final MeterRegistry meters;

    ConnectionStateRecorder(ConnectionStateStore store, OperatorAlerts alerts, MeterRegistry meters) {
        this.store = store;
        this.alerts = alerts;
        this.meters = meters;
    }

    @Override
    public void refreshed(String connection, Instant expiresAt, String refreshToken) {
        meters.counter("crmbridge.token.refreshes", "connection", connection).increment();
        long count = store.find(connection).map(ConnectionStateStore.State::refreshCount).orElse(0L) + 1;
        store.save(connection, new ConnectionStateStore.State("ACTIVE", null, expiresAt, refreshToken, count));
    }

    @Override
    public void needsReauth(String connection, String reason) {
        var previous = store.find(connection);
        store.save(connection, new ConnectionStateStore.State("NEEDS_REAUTH", reason, null, null,
                previous.map(ConnectionStateStore.State::refreshCount).orElse(0L)));
        alerts.raise(NEEDS_REAUTH_ALERT, connection,
                "Connection " + connection + " needs new credentials; its polls and writes are paused: " + reason);
    }

    @Override
    public void reauthorized(String connection) {
        LOG.infof("Connection %s has new credentials; resuming", connection);
        var previous = store.find(connection);
        store.save(connection, new ConnectionStateStore.State("ACTIVE", null, null, null,
                previous.map(ConnectionStateStore.State::refreshCount).orElse(0L)));
        alerts.clear(NEEDS_REAUTH_ALERT, connection);
    }

    /** Keeps operator-given credentials across restarts. */
    void storeRefreshToken(String connection, String refreshToken) {
        var previous = store.find(connection);
        store.save(connection, new ConnectionStateStore.State(previous.map(ConnectionStateStore.State::state).orElse("ACTIVE"),
                null, null, refreshToken, previous.map(ConnectionStateStore.State::refreshCount).orElse(0L)));
    }
}
