package io.crmbridge.outbound.receive;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.model.ExchangeKeys;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The answers of route {@code webhook-receive}: {@code 202 {"eventId": ...}} once stored, or the rejection's status
 * with {@code {"error": code, "reason": text}}. The request's headers are dropped first so that none of them (a
 * bearer secret, a signature) is echoed back as a response header.
 */
@ApplicationScoped
@Named("webhookReplies")
public class WebhookReplies {

    private static final Logger LOG = Logger.getLogger(WebhookReplies.class);

    private final ObjectMapper json;
    private final MeterRegistry meters;

    WebhookReplies(ObjectMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
    }

    public void accepted(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        String eventId = in.getHeader(ExchangeKeys.EVENT_ID, String.class);
        String source = in.getHeader(ExchangeKeys.WEBHOOK_SOURCE, String.class);
        meters.counter("crmbridge.webhook.accepted", "source", String.valueOf(source)).increment();
        reply(in, 202, Map.of("eventId", eventId));
    }

    /**
     * The catch-all of route {@code webhook-receive}: a refusal answers its own status; anything else answers 500 so
     * the sender sends again, and is logged with what is known of the delivery (source, event id if one was given,
     * body size), the error and its stack, since nothing was stored.
     */
    public void rejected(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String source = in.getHeader(ExchangeKeys.WEBHOOK_SOURCE, String.class);
        int status = 500;
        Map<String, Object> body = new LinkedHashMap<>();
        if (error instanceof WebhookRejected rejected) {
            status = rejected.status();
            body.put("error", rejected.code());
            body.put("reason", rejected.getMessage());
            LOG.debugf("Webhook from source %s refused %d %s: %s", source, status, rejected.code(), rejected.getMessage());
        } else {
            body.put("error", "internal_error");
            body.put("reason", "the event could not be stored; send it again");
            LOG.errorf(error, "Webhook from source %s (event id %s, exchange %s, %d bytes) failed before it was stored:"
                    + " answered 500 so the sender retries", source, in.getHeader(ExchangeKeys.EVENT_ID),
                    exchange.getExchangeId(), bodyLength(in));
        }
        meters.counter("crmbridge.webhook.rejected", "status", Integer.toString(status)).increment();
        reply(in, status, body);
    }

    private static int bodyLength(Message in) {
        byte[] bytes = in.getBody(byte[].class);
        return bytes == null ? 0 : bytes.length;
    }

    private void reply(Message in, int status, Map<String, ?> body) throws JsonProcessingException {
        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(json.writeValueAsString(body));
    }
}
