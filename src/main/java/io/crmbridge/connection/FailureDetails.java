package io.crmbridge.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.crm.CrmCallException;
import io.crmbridge.model.ExchangeKeys;

/**
 * Puts what went wrong into headers for the error channels' SQL ({@code routes/errors.yaml}): the route and
 * endpoint that failed, the exception, the attempts made, the CRM's status and body, and the request as sent.
 */
@ApplicationScoped
@Named("failureDetails")
public class FailureDetails {

    public void describe(Exchange exchange) {
        Message in = exchange.getMessage();
        CrmCallSteps.Request call = exchange.getProperty(ExchangeKeys.CRM_REQUEST, CrmCallSteps.Request.class);
        if (call != null && in.getHeader(ExchangeKeys.CRM_RESPONSE_STATUS) == null) {
            // Failed inside the HTTP call (timeout, reset): give the caller's headers back.
            in.getHeaders().clear();
            in.getHeaders().putAll(call.callerHeaders());
        }
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error == null) {
            error = exchange.getException();
        }
        in.setHeader(ExchangeKeys.FAILURE_ROUTE_ID, exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class));
        in.setHeader(ExchangeKeys.FAILURE_ENDPOINT, exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class));
        in.setHeader(ExchangeKeys.FAILURE_CLASS, error == null ? null : error.getClass().getName());
        in.setHeader(ExchangeKeys.FAILURE_MESSAGE, error == null ? null : error.getMessage());
        in.setHeader(ExchangeKeys.FAILURE_ATTEMPTS, in.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1);
        String request = exchange.getProperty(ExchangeKeys.CRM_REQUEST_BODY, String.class);
        in.setHeader(ExchangeKeys.FAILURE_PAYLOAD, request != null ? request : in.getBody(String.class));
        in.setHeader(ExchangeKeys.FAILURE_EVENT_ID, in.getHeader(ExchangeKeys.EVENT_ID, String.class));
        if (error instanceof CrmCallException crm) {
            in.setHeader(ExchangeKeys.FAILURE_STATUS, crm.status());
            in.setHeader(ExchangeKeys.FAILURE_RESPONSE, crm.responseBody());
            in.setHeader(ExchangeKeys.FAILURE_REASON, crm.kind() + " " + crm.status());
        } else {
            in.setHeader(ExchangeKeys.FAILURE_STATUS, null);
            in.setHeader(ExchangeKeys.FAILURE_RESPONSE, null);
            in.setHeader(ExchangeKeys.FAILURE_REASON, error == null ? "unknown" : error.getClass().getSimpleName());
        }
    }
}
