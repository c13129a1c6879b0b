package io.crmbridge.outbound.normalize;

import java.math.BigDecimal;
import java.time.Instant;
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
import io.crmbridge.outbound.ReviewRequired;

/**
 * Payment events shaped like Stripe's (route {@code normalize-stripe}): {@code checkout.session.completed} and
 * {@code invoice.paid}. Amounts arrive in minor units; the company comes from the object's metadata
 * ({@code company_name}, {@code company_domain}). A paying customer counts as consenting to be contacted.
 */
@ApplicationScoped
@Named("stripeNormalizer")
public class StripeNormalizer {

    private final ObjectMapper json;

    StripeNormalizer(ObjectMapper json) {
        this.json = json;
    }

    public OutboundEvent normalize(Exchange exchange) {
        String source = exchange.getMessage().getHeader(ExchangeKeys.EVENT_SOURCE, String.class);
        PayloadReader p = new PayloadReader(json, exchange.getMessage().getBody());
        String type = p.text("/type");
        Contact contact;
        String amountMinor;
        if ("checkout.session.completed".equals(type)) {
            contact = new Contact(p.text("/data/object/customer_details/email"),
                    p.text("/data/object/customer_details/phone"), p.text("/data/object/customer_details/name"));
            amountMinor = p.text("/data/object/amount_total");
        } else if ("invoice.paid".equals(type)) {
            contact = new Contact(p.text("/data/object/customer_email"), p.text("/data/object/customer_phone"),
                    p.text("/data/object/customer_name"));
            amountMinor = p.text("/data/object/amount_paid");
        } else {
            throw new ReviewRequired("UNSUPPORTED_EVENT", "payment event type " + type + " is not handled");
        }
        String created = p.text("/created");
        Map<String, Object> details = new LinkedHashMap<>();
        if (amountMinor != null) {
            details.put("amount", new BigDecimal(amountMinor).movePointLeft(2).toPlainString());
        }
        details.put("currency", p.text("/data/object/currency"));
        details.put("provider_type", type);
        String recordId = p.text("/data/object/id");
        return new OutboundEvent(exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class), "payment", source, recordId,
                p.text("/data/object/metadata/correlation_id"),
                EventKeys.idempotencyKey(source, p.text("/id"), recordId, "payment", p.canonical()),
                created == null ? null : Instant.ofEpochSecond(Long.parseLong(created)).toString(),
                p.text("/data/object/metadata/origin"), contact,
                new Company(p.text("/data/object/metadata/company_name"), p.text("/data/object/metadata/company_domain")),
                new LeadContext(null, null, null, true, null), null, null, details);
    }
}
