package io.crmbridge.loopguard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;

/**
 * Loop guard of the outbound side (docs/architecture.md, "Loop guard"): an event whose origin is {@code crm:{connection}:...} came
 * from the CRM this event would be written to; writing it back would echo it. Such events are skipped and counted.
 */
@ApplicationScoped
@Named("eventLoopGuard")
public class EventLoopGuard {

    public boolean isEcho(Exchange exchange) {
        OutboundEvent event = exchange.getProperty(ExchangeKeys.OUTBOUND_EVENT, OutboundEvent.class);
        String connection = exchange.getMessage().getHeader(ExchangeKeys.CRM_CONNECTION, String.class);
        return isEcho(event.origin(), connection);
    }

    static boolean isEcho(String origin, String connection) {
        return origin != null && connection != null && origin.startsWith("crm:" + connection + ":");
    }
}
