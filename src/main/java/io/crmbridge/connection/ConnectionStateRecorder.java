package io.crmbridge.connection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.crmbridge.ops.OperatorAlerts;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tells the operator (and the metrics) what a connection's tokens go through. The state itself is written by
 * {@link ConnectionAuth} through {@link SharedConnectionState}.
 */
@ApplicationScoped
public class ConnectionStateRecorder implements ConnectionAuth.Listener {

    public static final String NEEDS_REAUTH_ALERT = "CONNECTION_NEEDS_REAUTH";
    private static final Logger LOG = Logger.getLogger(ConnectionStateRecorder.class);

    private final OperatorAlerts alerts;
    private final MeterRegistry meters;

    ConnectionStateRecorder(OperatorAlerts alerts, MeterRegistry meters) {
        this.alerts = alerts;
        this.meters = meters;
    }

    @Override
    public void refreshed(String connection, Instant expiresAt, String refreshToken) {
        meters.counter("crmbridge.token.refreshes", "connection", connection).increment();
    }

    @Override
    public void needsReauth(String connection, String reason) {
        alerts.raise(NEEDS_REAUTH_ALERT, connection,
                "Connection " + connection + " needs new credentials; its polls and writes are paused: " + reason);
    }

    @Override
    public void reauthorized(String connection) {
        LOG.infof("Connection %s has new credentials; resuming on every replica", connection);
        alerts.clear(NEEDS_REAUTH_ALERT, connection);
    }
}
