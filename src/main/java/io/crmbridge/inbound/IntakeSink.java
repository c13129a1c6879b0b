package io.crmbridge.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.ExchangeKeys;
import io.quarkus.runtime.StartupEvent;

/**
 * The two intake sinks of route {@code deliver-intake}. The table sink writes the outbox row and the ledger entry in
 * one statement, so a record is in {@code intake_outbox} exactly once even across a crash. The http sink prepares a
 * POST that carries only what the intake needs: the bearer secret, the JSON record and an {@code Idempotency-Key}
 * (the ledger key), so the intake can drop the one repeat a crash between its answer and our ledger could cause.
 */
@ApplicationScoped
@Named("intakeSink")
public class IntakeSink {

    private static final String OUTBOX = "WITH entry AS (INSERT INTO ledger (ledger_key, scope) VALUES (?, 'inbound')"
            + " ON CONFLICT (ledger_key) DO NOTHING RETURNING ledger_key)"
            + " INSERT INTO intake_outbox (origin, connection, object, record_id, version, payload, ledger_key)"
            + " SELECT ?, ?, ?, ?, ?, CAST(? AS jsonb), ledger_key FROM entry";

    private final DataSource dataSource;
    private final IntakeConfig config;
    private final ObjectMapper json;

    IntakeSink(DataSource dataSource, IntakeConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.config = config;
        this.json = json;
    }

    /** The http sink has no URL by default: without one the application does not start, naming the setting. */
    void requireUrl(@Observes StartupEvent start) {
        requireUrl(config);
    }

    static void requireUrl(IntakeConfig config) {
        if (config.sink() == IntakeConfig.Sink.HTTP && config.url().filter(url -> !url.isBlank()).isEmpty()) {
            throw new IllegalStateException(
                    "crmbridge.intake.url is required with crmbridge.intake.sink=http: the URL each inbound record is POSTed to");
        }
    }

    /** Table sink: the outbox row, only if the ledger did not have the key yet. */
    public void toOutbox(Exchange exchange) throws JsonProcessingException, SQLException {
        Message in = exchange.getMessage();
        PolledRecord record = in.getHeader(ExchangeKeys.INBOUND_RECORD, PolledRecord.class);
        String payload = json.writeValueAsString(in.getBody());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(OUTBOX)) {
            ps.setString(1, record.ledgerKey());
            ps.setString(2, record.origin());
            ps.setString(3, record.connection());
            ps.setString(4, record.object());
            ps.setString(5, record.id());
            ps.setString(6, record.version());
            ps.setString(7, payload);
            ps.executeUpdate();
        }
    }

    /** Http sink: nothing of the poll's headers leaves the application. */
    public void httpRequest(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        String key = in.getHeader(ExchangeKeys.LEDGER_KEY, String.class);
        String origin = in.getHeader(ExchangeKeys.INBOUND_ORIGIN, String.class);
        String body = json.writeValueAsString(in.getBody());
        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setHeader("Idempotency-Key", key);
        in.setHeader("X-Crmbridge-Origin", origin);
        config.token().ifPresent(token -> in.setHeader("Authorization", "Bearer " + token));
        in.setBody(body);
    }

    public boolean isHttp() {
        return config.sink() == IntakeConfig.Sink.HTTP;
    }
}
