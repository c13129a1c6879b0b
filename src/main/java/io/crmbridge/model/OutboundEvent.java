package io.crmbridge.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The internal event contract (docs/architecture.md, "The event contract"): every source maps into it, the CRM side never sees a vendor
 * payload. {@code routing} and {@code ai} are AI output, kept as untyped JSON until the schema check has passed;
 * {@code details} holds what one event type adds (a payment's amount and currency, a booking's start time).
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboundEvent(String eventId, String eventType, String sourceSystem, String sourceRecordId,
        String correlationId, String idempotencyKey, String occurredAt, String origin, Contact contact,
        Company company, LeadContext leadContext, Map<String, Object> routing, Map<String, Object> ai,
        Map<String, Object> details) {

    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String email, String phone, String fullName) {
    }

    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Company(String name, String domain) {
    }

    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeadContext(String budgetRange, String urgency, String painSummary, Boolean consentToContact,
            List<String> detectedStack) {
    }

    public OutboundEvent withContact(Contact c) {
        return new OutboundEvent(eventId, eventType, sourceSystem, sourceRecordId, correlationId, idempotencyKey,
                occurredAt, origin, c, company, leadContext, routing, ai, details);
    }

    public OutboundEvent withCompany(Company c) {
        return new OutboundEvent(eventId, eventType, sourceSystem, sourceRecordId, correlationId, idempotencyKey,
                occurredAt, origin, contact, c, leadContext, routing, ai, details);
    }

    public boolean consented() {
        return leadContext != null && Boolean.TRUE.equals(leadContext.consentToContact());
    }

    /** A routing value (AI output), only to be read after the schema check. */
    public String routingValue(String name) {
        Object value = routing == null ? null : routing.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
