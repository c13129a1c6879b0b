package io.crmbridge.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.db.PgText;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Tells the operator something needs a human: an ERROR log line with a stable code, a row in {@code operator_alert},
 * and optionally a Slack-compatible webhook. De-duplicated per code and subject while the alert is open, so a
 * connection that fails a thousand times raises one alert.
 */
@ApplicationScoped
@Named("operatorAlerts")
public class OperatorAlerts {

    @ConfigMapping(prefix = "crmbridge.alerts")
    public interface AlertsConfig {
        /** A Slack-compatible incoming webhook URL; alerts are also always logged and stored. */
        Optional<String> webhookUrl();

        @WithDefault("5s")
        Duration webhookTimeout();
    }

    private static final Logger LOG = Logger.getLogger(OperatorAlerts.class);

    private final DataSource dataSource;
    private final AlertsConfig config;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OperatorAlerts(DataSource dataSource, AlertsConfig config, MeterRegistry meters, ObjectMapper json) {
        this.dataSource = dataSource;
        this.config = config;
        this.meters = meters;
        this.json = json;
    }

    /** Raise {@code code} for {@code subject} (e.g. a connection name); returns false when it was already open. */
    public boolean raise(String code, String subject, String message) {
        boolean fresh = insertIfNotOpen(code, subject, message);
        if (fresh) {
            LOG.errorf("ALERT %s [%s]: %s", code, subject, message);
            meters.counter("crmbridge.alerts", "code", code, "subject", subject).increment();
            config.webhookUrl().ifPresent(url -> post(url, code, subject, message));
        }
        return fresh;
    }

    /** The condition is over: a later occurrence raises a new alert. */
    public void clear(String code, String subject) {
        update("UPDATE operator_alert SET cleared_at = now() WHERE code = ? AND subject = ? AND cleared_at IS NULL",
                code, subject);
    }

    private boolean insertIfNotOpen(String code, String subject, String message) {
        return update("INSERT INTO operator_alert (code, subject, message) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                code, subject, message) == 1;
    }

    private int update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, PgText.safe(params[i], PgText.MAX_MESSAGE));
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            // The alert must still reach the log when the database is the thing that is down.
            LOG.errorf(e, "ALERT store failed for %s", String.join(" / ", params));
            return 1;
        }
    }

    private void post(String url, String code, String subject, String message) {
        try {
            String body = json.writeValueAsString(java.util.Map.of("text", "[crm-bridge] " + code + " " + subject + ": " + message));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.webhookTimeout())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .exceptionally(e -> {
                        LOG.warnf("Alert webhook failed for %s [%s]: %s", code, subject, e.getMessage());
                        return null;
                    });
        } catch (Exception e) {
            LOG.warnf("Alert webhook failed for %s [%s]: %s", code, subject, e.getMessage());
        }
    }
}
