package io.crmbridge.outbound.normalize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import io.crmbridge.outbound.ReviewRequired;

/**
 * Booking events shaped like Calendly's {@code invitee.created} (route {@code normalize-calendly}). The invitee's
 * URI is the record id; company name and website come from the invitee's answers to questions named "company" and
 * "website"; the phone from {@code text_reminder_number}. Booking a meeting counts as consent to be contacted.
 */
@ApplicationScoped
@Named("calendlyNormalizer")
public class CalendlyNormalizer {

    private final ObjectMapper json;

    CalendlyNormalizer(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public OutboundEvent normalize(Exchange exchange) {
        String source = exchange.getMessage().getHeader(ExchangeKeys.EVENT_SOURCE, String.class);
        Map<String, Object> body = exchange.getMessage().getBody(Map.class);
        PayloadReader p = new PayloadReader(json, body);
        String type = p.text("/event");
        if (!"invitee.created".equals(type)) {
            throw new ReviewRequired("UNSUPPORTED_EVENT", "booking event type " + type + " is not handled");
        }
        Map<String, String> answers = answers((Map<String, Object>) body.get("payload"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("meeting_name", p.text("/payload/scheduled_event/name"));
        details.put("start_time", p.text("/payload/scheduled_event/start_time"));
        String recordId = p.text("/payload/uri");
        return new OutboundEvent(exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class), "booking", source, recordId,
                p.text("/payload/tracking/utm_content"),
                EventKeys.idempotencyKey(source, null, recordId, "booking", p.canonical()), p.text("/created_at"), null,
                new Contact(p.text("/payload/email"), p.text("/payload/text_reminder_number"), p.text("/payload/name")),
                new Company(answers.get("company"), answers.get("website")),
                new LeadContext(null, null, answers.get("notes"), true, null), null, null, details);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> answers(Map<String, Object> payload) {
        Map<String, String> answers = new LinkedHashMap<>();
        Object list = payload == null ? null : payload.get("questions_and_answers");
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> qa && qa.get("question") != null && qa.get("answer") != null) {
                    answers.put(String.valueOf(qa.get("question")).trim().toLowerCase(Locale.ROOT),
                            String.valueOf(((Map<String, Object>) qa).get("answer")));
                }
            }
        }
        return answers;
    }
}
