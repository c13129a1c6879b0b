package io.crmbridge.outbound.normalize;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.model.OutboundEvent.Company;
import io.crmbridge.model.OutboundEvent.Contact;
import io.crmbridge.model.OutboundEvent.LeadContext;
import io.crmbridge.outbound.SourcesConfig;

/**
 * The generic normalizer (route {@code normalize-json-mapping}): a JSON payload mapped into the contract by
 * configuration alone. {@code crmbridge.sources.<source>.mapping.<field>=<JSON Pointer>}, fields: event-id,
 * event-type, source-record-id, correlation-id, occurred-at, origin, contact-email, contact-phone, contact-full-name,
 * company-name, company-domain, budget-range, urgency, pain-summary, consent, detected-stack, routing, ai, amount,
 * currency.
 */
@ApplicationScoped
@Named("jsonMappingNormalizer")
public class JsonMappingNormalizer {

    private final SourcesConfig sources;
    private final ObjectMapper json;

    JsonMappingNormalizer(SourcesConfig sources, ObjectMapper json) {
        this.sources = sources;
        this.json = json;
    }

    public OutboundEvent normalize(Exchange exchange) {
        String source = exchange.getMessage().getHeader(ExchangeKeys.EVENT_SOURCE, String.class);
        SourcesConfig.Source config = sources.sources().get(source);
        Map<String, String> map = config.mapping();
        PayloadReader payload = new PayloadReader(json, exchange.getMessage().getBody());
        String eventType = payload.text(map.get("event-type"));
        eventType = eventType == null ? config.eventType() : eventType;
        String recordId = payload.text(map.get("source-record-id"));
        String key = EventKeys.idempotencyKey(source, payload.text(map.get("event-id")), recordId, eventType,
                payload.canonical());
        Map<String, Object> details = new LinkedHashMap<>();
        putIfPresent(details, "amount", payload.text(map.get("amount")));
        putIfPresent(details, "currency", payload.text(map.get("currency")));
        return new OutboundEvent(exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class), eventType, source, recordId,
                payload.text(map.get("correlation-id")), key, payload.text(map.get("occurred-at")),
                payload.text(map.get("origin")),
                new Contact(payload.text(map.get("contact-email")), payload.text(map.get("contact-phone")),
                        payload.text(map.get("contact-full-name"))),
                new Company(payload.text(map.get("company-name")), payload.text(map.get("company-domain"))),
                new LeadContext(payload.text(map.get("budget-range")), payload.text(map.get("urgency")),
                        payload.text(map.get("pain-summary")), payload.bool(map.get("consent")),
                        payload.list(map.get("detected-stack"))),
                payload.object(json, map.get("routing")), payload.object(json, map.get("ai")),
                details.isEmpty() ? null : details);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
