package io.crmbridge.outbound.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.crmbridge.model.OutboundEvent;
import io.crmbridge.model.OutboundEvent.Company;
import io.crmbridge.model.OutboundEvent.Contact;
import io.crmbridge.outbound.DomainNormalizer;
import io.crmbridge.outbound.ReviewRequired;
import io.crmbridge.outbound.trace.EventTrace;

/**
 * Step of route {@code event-process}: validates and cleans a normalized event. AI output first, against its JSON
 * schema: if it fails, nothing of the event is used. Then email syntax (lowercased), phone to E.164 (libphonenumber;
 * an unusable number is dropped with a warning), company domain normalized, enumerations from configuration. Errors
 * send the event to review; the result is kept in the trace either way.
 */
@ApplicationScoped
@Named("eventValidator")
public class EventValidator {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9-]{1,63})+$");

    private final ValidationConfig config;
    private final AiOutputSchema aiSchema;
    private final DomainNormalizer domains;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    EventValidator(ValidationConfig config, AiOutputSchema aiSchema, DomainNormalizer domains) {
        this.config = config;
        this.aiSchema = aiSchema;
        this.domains = domains;
    }

    public OutboundEvent validate(Exchange exchange) {
        OutboundEvent event = exchange.getMessage().getBody(OutboundEvent.class);
        EventTrace.of(exchange).normalized(event);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> schemaErrors = aiSchema.violations(event.routing(), event.ai());
        OutboundEvent clean = schemaErrors.isEmpty() ? clean(event, errors, warnings) : event;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("valid", schemaErrors.isEmpty() && errors.isEmpty());
        result.put("ai_schema_errors", schemaErrors);
        result.put("errors", errors);
        result.put("warnings", warnings);
        EventTrace.of(exchange).validation(result);
        if (!schemaErrors.isEmpty()) {
            throw new ReviewRequired("AI_SCHEMA", "AI output fails its schema: " + String.join("; ", schemaErrors));
        }
        if (!errors.isEmpty()) {
            throw new ReviewRequired("VALIDATION", String.join("; ", errors));
        }
        return clean;
    }

    OutboundEvent clean(OutboundEvent event, List<String> errors, List<String> warnings) {
        Contact contact = event.contact() == null ? new Contact(null, null, null) : event.contact();
        String email = contact.email() == null ? null : contact.email().trim().toLowerCase(Locale.ROOT);
        if (email == null) {
            errors.add("contact.email is missing");
        } else if (!EMAIL.matcher(email).matches()) {
            errors.add("contact.email is not an email address: " + email);
        }
        String phone = e164(contact.phone(), warnings);
        Company company = event.company();
        if (company != null) {
            String domain = company.domain() == null ? null : normalizedDomain(company.domain(), errors);
            if (domain != null && !DOMAIN.matcher(domain).matches()) {
                warnings.add("company.domain dropped, not a domain: " + company.domain());
                domain = null;
            }
            company = new Company(company.name(), domain);
        }
        checkEnum("event-type", event.eventType(), errors);
        if (event.leadContext() != null) {
            checkEnum("urgency", event.leadContext().urgency(), errors);
            checkEnum("budget-range", event.leadContext().budgetRange(), errors);
        }
        checkEnum("qualification-status", event.routingValue("qualification_status"), errors);
        checkEnum("routing-tier", event.routingValue("routing_tier"), errors);
        checkEnum("target-owner-role", event.routingValue("target_owner_role"), errors);
        return event.withContact(new Contact(email, phone, contact.fullName())).withCompany(company);
    }

    /** IDN labels too long, prohibited code points: a hostile domain is a validation failure, not a crash. */
    private String normalizedDomain(String raw, List<String> errors) {
        try {
            return domains.normalize(raw);
        } catch (IllegalArgumentException e) {
            errors.add("company.domain is not a valid domain name (" + e.getMessage() + "): " + abbreviate(raw));
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "..." : value;
    }

    private String e164(String raw, List<String> warnings) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            PhoneNumber number = phones.parse(raw, config.defaultRegion());
            if (phones.isValidNumber(number)) {
                return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // falls through to the warning
        }
        warnings.add("contact.phone dropped, not a valid number: " + raw);
        return null;
    }

    private void checkEnum(String field, String value, List<String> errors) {
        List<String> allowed = config.enums().get(field);
        if (value != null && allowed != null && !allowed.contains(value)) {
            errors.add(field + " '" + value + "' is not one of " + allowed);
        }
    }
}
