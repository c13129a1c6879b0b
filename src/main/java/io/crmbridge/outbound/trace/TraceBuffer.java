package io.crmbridge.outbound.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmbridge.model.ExchangeKeys;

/**
 * What one attempt of one event has learned so far, kept on the exchange (property
 * {@link ExchangeKeys#EVENT_TRACE}) and written to {@code event_trace} when the attempt ends: normalized event,
 * validation result, decisions, CRM ids, responses.
 */
public final class TraceBuffer {

    final String eventId;
    final String source;
    final int attempts;
    Object normalized;
    Map<String, Object> validation;
    final List<Map<String, Object>> decisions = new ArrayList<>();
    final Map<String, String> crmIds = new LinkedHashMap<>();
    final List<Map<String, Object>> responses = new ArrayList<>();

    public TraceBuffer(String eventId, String source, int attempts) {
        this.eventId = eventId;
        this.source = source;
        this.attempts = attempts;
    }

    public void normalized(Object event) {
        this.normalized = event;
    }

    public void validation(Map<String, Object> result) {
        this.validation = result;
    }

    public void decision(String object, String action, String reason) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("object", object);
        entry.put("action", action);
        entry.put("reason", reason);
        decisions.add(entry);
    }

    public void crmId(String object, String id) {
        crmIds.put(object, id);
    }

    public void response(String object, String operation, Object status, Object body) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("object", object);
        entry.put("operation", operation);
        entry.put("status", status);
        entry.put("body", body);
        responses.add(entry);
    }

    public Map<String, String> crmIds() {
        return crmIds;
    }
}
