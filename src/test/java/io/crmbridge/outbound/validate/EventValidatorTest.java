package io.crmbridge.outbound.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.OutboundEvent;
import io.crmbridge.model.OutboundEvent.Company;
import io.crmbridge.model.OutboundEvent.Contact;
import io.crmbridge.model.OutboundEvent.LeadContext;
import io.crmbridge.outbound.DomainNormalizer;

class EventValidatorTest {

    static final ValidationConfig CONFIG = new ValidationConfig() {
        public String defaultRegion() {
            return "US";
        }

        public Map<String, List<String>> enums() {
            return Map.of("urgency", List.of("low", "high"), "routing-tier", List.of("smb", "enterprise"));
        }

        public Optional<String> aiSchema() {
            return Optional.empty();
        }
    };

    final AiOutputSchema schema = new AiOutputSchema(CONFIG, new ObjectMapper());
    final EventValidator validator = new EventValidator(CONFIG, schema, new DomainNormalizer());

    static OutboundEvent event(String email, String phone, String domain, String urgency, Map<String, Object> routing) {
        return new OutboundEvent("e", "lead", "s", null, null, "k", null, null, new Contact(email, phone, "N"),
                new Company("C", domain), new LeadContext(null, urgency, null, true, null), routing, null, null);
    }

    @Test
    void cleansEmailPhoneAndDomain() {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        OutboundEvent clean = validator.clean(event(" Ada@Example.ORG ", "(415) 555-0132", "https://WWW.Example.org/x", "high", null),
                errors, warnings);
        assertThat(errors).isEmpty();
        assertThat(clean.contact().email()).isEqualTo("ada@example.org");
        assertThat(clean.contact().phone()).isEqualTo("+14155550132");
        assertThat(clean.company().domain()).isEqualTo("example.org");
    }

    @Test
    void badEmailAndEnumAreErrorsBadPhoneIsDroppedWithAWarning() {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        OutboundEvent clean = validator.clean(event("not-an-email", "12", "b.example", "urgent", Map.of("routing_tier", "gold")),
                errors, warnings);
        assertThat(errors).hasSize(3).anyMatch(e -> e.contains("urgency")).anyMatch(e -> e.contains("routing-tier"));
        assertThat(warnings).anyMatch(w -> w.contains("phone"));
        assertThat(clean.contact().phone()).isNull();
    }

    @Test
    void aiOutputIsCheckedAgainstTheSchema() {
        assertThat(schema.violations(Map.of("lead_score", 50, "routing_tier", "smb"), Map.of("confidence", 0.5))).isEmpty();
        assertThat(schema.violations(Map.of("lead_score", "high"), null)).isNotEmpty();
        assertThat(schema.violations(Map.of("lead_score", 101), null)).isNotEmpty();
        assertThat(schema.violations(Map.of("surprise", true), null)).isNotEmpty();
        assertThat(schema.violations(null, Map.of("confidence", 2))).isNotEmpty();
    }
}
