package io.crmbridge.outbound.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.connection.CrmDefaults;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.ReviewRequired;
import io.crmbridge.outbound.SourcesConfig;
import io.crmbridge.outbound.queue.ClaimedEvent;
import io.crmbridge.outbound.queue.EventQueue;
import io.crmbridge.outbound.queue.LeaseLostException;
import io.crmbridge.outbound.trace.EventTrace;
import io.crmbridge.outbound.trace.TraceBuffer;

/**
 * Steps of route {@code event-process} that set an event up and parse it: the claimed raw event becomes headers
 * ({@code eventId}, {@code eventSource}, {@code crmConnection}, {@code eventNormalizer}) and its body; malformed JSON
 * from an authenticated source is kept and goes to review.
 */
@ApplicationScoped
@Named("eventSteps")
public class EventSteps {

    private final SourcesConfig sources;
    private final CrmDefaults defaults;
    private final ObjectMapper json;
    private final EventQueue queue;

    EventSteps(SourcesConfig sources, CrmDefaults defaults, ObjectMapper json, EventQueue queue) {
        this.queue = queue;
        this.sources = sources;
        this.defaults = defaults;
        this.json = json;
    }

    /** A worker begins the claimed event (its attempt counts from here): headers, trace, and the body as text. */
    public void begin(Exchange exchange) {
        ClaimedEvent claimed = exchange.getMessage().getBody(ClaimedEvent.class);
        exchange.setProperty(ExchangeKeys.RAW_EVENT, claimed);
        ClaimedEvent raw = queue.begin(claimed).orElseThrow(() -> new LeaseLostException(claimed.eventId()));
        Message in = exchange.getMessage();
        in.getHeaders().clear();
        in.setHeader(ExchangeKeys.EVENT_ID, raw.eventId());
        in.setHeader(ExchangeKeys.EVENT_SOURCE, raw.source());
        in.setHeader(ExchangeKeys.CRM_CONNECTION, raw.connection() != null ? raw.connection() : defaults.defaultConnection());
        SourcesConfig.Source source = sources.sources().get(raw.source());
        in.setHeader(ExchangeKeys.EVENT_NORMALIZER, source == null ? "unknown-source" : source.normalizer());
        exchange.setProperty(ExchangeKeys.RAW_EVENT, raw);
        exchange.setProperty(ExchangeKeys.EVENT_TRACE, new TraceBuffer(raw.eventId(), raw.source(), raw.attempts()));
        in.setBody(new String(raw.body(), StandardCharsets.UTF_8));
        if (source == null) {
            throw new ReviewRequired("UNKNOWN_SOURCE", "source " + raw.source() + " is no longer configured");
        }
    }

    /** The raw body as a JSON object (maps and lists), for the normalizer routes. */
    public Map<String, Object> parseJson(String body) {
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new ReviewRequired("MALFORMED_JSON", "the payload is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ReviewRequired("MALFORMED_JSON", "the payload is JSON but not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    /** After normalization and validation: the contract on the exchange, its ledger key in {@code ledgerKey}. */
    public void accept(Exchange exchange) {
        OutboundEvent event = exchange.getMessage().getBody(OutboundEvent.class);
        exchange.setProperty(ExchangeKeys.OUTBOUND_EVENT, event);
        exchange.setProperty(ExchangeKeys.EVENT_ACCEPTED, true);
        exchange.getMessage().setHeader(ExchangeKeys.LEDGER_KEY,
                "out:" + exchange.getMessage().getHeader(ExchangeKeys.CRM_CONNECTION, String.class) + ":" + event.idempotencyKey());
        EventTrace.of(exchange).normalized(event);
    }
}
