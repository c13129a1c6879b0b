package io.crmbridge.connection;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmbridge.crm.CrmAnswer;
import io.crmbridge.crm.CrmRequest;
import io.crmbridge.model.ExchangeKeys;

/**
 * One CRM call from Java (provisioning) through route {@code crm-provision-call} to {@code crm-call}, so it has the
 * connection's token, rate limit and error classes like every other. Returns the parsed answer or throws the call's
 * {@link io.crmbridge.crm.CrmCallException}. A probe ({@code probe = true}) that the CRM refuses for a missing
 * scope does not pause the connection: writes go on and the caller reports it.
 */
@ApplicationScoped
public class CrmCalls {

    private final ProducerTemplate producer;
    private final ObjectMapper json;

    CrmCalls(ProducerTemplate producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    public CrmAnswer call(String connection, String object, CrmRequest request, boolean probe) {
        Exchange answer = producer.request("direct:crm-provision-call", exchange -> {
            var in = exchange.getMessage();
            in.setHeader(ExchangeKeys.CRM_CONNECTION, connection);
            in.setHeader(ExchangeKeys.CRM_OBJECT, object);
            in.setHeader(ExchangeKeys.CRM_METHOD, request.method());
            in.setHeader(ExchangeKeys.CRM_PATH, request.path());
            in.setHeader(ExchangeKeys.CRM_QUERY, request.query());
            in.setHeader(ExchangeKeys.CRM_PROBE, probe);
            in.setBody(request.body() == null ? null : toJson(request.body()));
        });
        if (answer.getException() != null) {
            if (answer.getException() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(answer.getException());
        }
        return CrmAnswer.of(answer.getMessage().getBody());
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body instanceof Map<?, ?> ? body : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
