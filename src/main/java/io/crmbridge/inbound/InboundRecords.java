package io.crmbridge.inbound;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.Timestamps;
import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.PropertyChange;

/**
 * The per-record steps of route {@code inbound-record}: read the polled record and set its ledger key, count a
 * duplicate, normalize it into the intake's shape, count a delivery.
 */
@ApplicationScoped
@Named("inboundRecords")
public class InboundRecords {

    private final InboundMetrics metrics;
    private final CrmConnectors connectors;

    InboundRecords(InboundMetrics metrics, CrmConnectors connectors) {
        this.metrics = metrics;
        this.connectors = connectors;
    }

    public void prepare(Exchange exchange) {
        Message in = exchange.getMessage();
        PolledRecord record = in.getBody(PolledRecord.class);
        in.setHeader(ExchangeKeys.INBOUND_RECORD, record);
        in.setHeader(ExchangeKeys.LEDGER_KEY, record.ledgerKey());
        in.setHeader(ExchangeKeys.INBOUND_ORIGIN, record.origin());
    }

    public void duplicate(Exchange exchange) {
        PollState state = PollSteps.state(exchange);
        state.duplicate();
        metrics.duplicate(state.connection, state.object);
    }

    /**
     * The intake's record: origin, where it comes from, its version and modification time, its contract fields
     * (through the connection's field map) and its properties under the CRM's names.
     */
    public void normalize(Exchange exchange) {
        PolledRecord record = exchange.getMessage().getHeader(ExchangeKeys.INBOUND_RECORD, PolledRecord.class);
        exchange.getMessage().setBody(payload(record));
    }

    /** The intake's record for one polled record (what {@link #normalize} sets as the body). */
    Map<String, Object> payload(PolledRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("origin", record.origin());
        out.put("kind", record.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.put("connection", record.connection());
        out.put("object", record.object());
        out.put("id", record.id());
        out.put("version", record.version());
        out.put("modifiedAt", record.modifiedAt() == null ? null : Timestamps.format(record.modifiedAt()));
        out.put("createdAt", record.createdAt() == null ? null : Timestamps.format(record.createdAt()));
        if (record.mergedInto() != null) {
            out.put("mergedInto", record.mergedInto());
        }
        if (record.kind() == PolledRecord.Kind.CHANGED) {
            out.put("fields", connectors.fieldMap(record.connection()).fromCrm(record.object(), record.properties()));
            out.put("properties", new LinkedHashMap<>(record.properties()));
        }
        if (record.changes() != null) {
            out.put("changes", record.changes().stream().filter(c -> c.source() != PropertyChange.Source.SYSTEM)
                    .map(InboundRecords::change).toList());
        }
        return out;
    }

    /** One change as the intake reads it: property, new value, when, and who (BRIDGE, PERSON or OTHER, with ids). */
    private static Map<String, Object> change(PropertyChange c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("property", c.property());
        out.put("value", c.value());
        out.put("at", c.at() == null ? null : Timestamps.format(c.at()));
        out.put("source", c.source().name());
        out.put("sourceId", c.sourceId());
        out.put("userId", c.userId());
        return out;
    }

    public void delivered(Exchange exchange) {
        PollState state = PollSteps.state(exchange);
        state.delivered();
        metrics.delivered(state.connection, state.object);
    }
}
