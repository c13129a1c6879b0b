package io.crmbridge.outbound.receive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.connection.CrmDefaults;
import io.crmbridge.outbound.SourcesConfig;
import io.crmbridge.outbound.queue.QueueArrivals;

/**
 * Step of route {@code webhook-receive}: stores the raw body byte for byte in {@code raw_event} (status QUEUED) and
 * commits before the sender hears 202, so an accepted event survives anything that happens next, then tells an idle
 * dispatcher ({@link QueueArrivals}). Credentials are not kept among the stored headers.
 */
@ApplicationScoped
@Named("rawEventStore")
public class RawEventStore {

    private static final Set<String> NOT_KEPT = Set.of("authorization", "cookie", "proxy-authorization");

    private final DataSource dataSource;
    private final SourcesConfig sources;
    private final CrmDefaults defaults;
    private final ObjectMapper json;
    private final QueueArrivals arrivals;

    RawEventStore(DataSource dataSource, SourcesConfig sources, CrmDefaults defaults, ObjectMapper json,
            QueueArrivals arrivals) {
        this.dataSource = dataSource;
        this.sources = sources;
        this.defaults = defaults;
        this.json = json;
        this.arrivals = arrivals;
    }

    public void store(Exchange exchange) throws SQLException, JsonProcessingException {
        Message in = exchange.getMessage();
        String source = in.getHeader(ExchangeKeys.WEBHOOK_SOURCE, String.class);
        UUID eventId = UUID.randomUUID();
        String sql = """
                INSERT INTO raw_event (event_id, source, connection, content_type, headers, body)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, eventId);
            ps.setString(2, source);
            ps.setString(3, sources.sources().get(source).connection().orElse(defaults.defaultConnection()));
            ps.setString(4, in.getHeader(Exchange.CONTENT_TYPE, String.class));
            ps.setString(5, json.writeValueAsString(keptHeaders(in.getHeaders())));
            ps.setBytes(6, in.getBody(byte[].class));
            ps.executeUpdate();
        }
        // committed: an idle dispatcher begins it now rather than at its next poll
        arrivals.stored();
        in.setHeader(ExchangeKeys.EVENT_ID, eventId.toString());
    }

    private static Map<String, String> keptHeaders(Map<String, Object> headers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("camel") && !NOT_KEPT.contains(lower) && value != null
                    && !ExchangeKeys.WEBHOOK_SOURCE.equals(name)) {
                kept.put(name, String.valueOf(value));
            }
        });
        return kept;
    }
}
