package io.crmbridge.outbound.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.ReviewRequired;

class NormalizersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Exchange exchange(String source, String json) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("eventSource", source);
        exchange.getMessage().setHeader("eventId", "00000000-0000-0000-0000-000000000001");
        exchange.getMessage().setBody(JSON.readValue(json, Map.class));
        return exchange;
    }

    @Test
    void stripeInvoicePaid() throws Exception {
        OutboundEvent e = new StripeNormalizer(JSON).normalize(exchange("payments", """
                {"id": "evt_1", "type": "invoice.paid", "created": 1700000000,
                 "data": {"object": {"id": "in_1", "customer_email": "p@x.example", "customer_name": "P Q",
                   "amount_paid": 1999, "currency": "usd", "metadata": {"company_domain": "x.example"}}}}"""));
        assertThat(e.eventType()).isEqualTo("payment");
        assertThat(e.idempotencyKey()).isEqualTo("payments:evt_1");
        assertThat(e.contact().email()).isEqualTo("p@x.example");
        assertThat(e.details()).containsEntry("amount", "19.99").containsEntry("currency", "usd");
        assertThat(e.occurredAt()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(e.consented()).isTrue();
    }

    @Test
    void stripeOtherTypesGoToReview() {
        assertThatThrownBy(() -> new StripeNormalizer(JSON).normalize(exchange("payments", "{\"type\": \"charge.refunded\"}")))
                .isInstanceOf(ReviewRequired.class);
    }

    @Test
    void calendlyInviteeCreatedHasNoEventIdSoTheKeyIsRecordAndType() throws Exception {
        OutboundEvent e = new CalendlyNormalizer(JSON).normalize(exchange("bookings", """
                {"event": "invitee.created", "payload": {"uri": "https://c.example/inv/1", "email": "b@y.example",
                 "name": "B", "questions_and_answers": [{"question": "Company ", "answer": "Y Inc"},
                                                        {"question": "website", "answer": "y.example"}]}}"""));
        assertThat(e.idempotencyKey()).isEqualTo("bookings:https://c.example/inv/1:booking");
        assertThat(e.company().name()).isEqualTo("Y Inc");
        assertThat(e.company().domain()).isEqualTo("y.example");
    }

    @Test
    void withoutIdsTheKeyIsAHashOfTheCanonicalPayload() {
        String a = EventKeys.idempotencyKey("s", null, null, "lead", new PayloadReader(JSON, Map.of("a", 1, "b", 2)).canonical());
        String b = EventKeys.idempotencyKey("s", null, null, "lead",
                new PayloadReader(JSON, new java.util.TreeMap<>(Map.of("b", 2, "a", 1)).descendingMap()).canonical());
        assertThat(a).startsWith("s:sha256:").isEqualTo(b);
    }
}
