package io.crmbridge.outbound.decide;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.crm.hubspot.HubSpotRequests;
import io.crmbridge.ledger.KeyLocks;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.pipeline.EventSteps;

/**
 * Steps of route {@code decide-lookup}, search before create: set up each search and keep its answer on the
 * {@link DecisionContext}. Properties {@code lookupCompany} and {@code lookupDeals} say which searches apply.
 */
@ApplicationScoped
@Named("decideLookups")
public class DecideLookups {

    static final String CONTACT_PROPERTIES = "email,firstname,lastname,phone,company,website,lifecyclestage,hubspot_owner_id";
    static final String COMPANY_PROPERTIES = "name,domain,hubspot_owner_id";

    private final EffectJournal journal;
    private final DecisionEngine engine;

    DecideLookups(EffectJournal journal, DecisionEngine engine) {
        this.journal = journal;
        this.engine = engine;
    }

    /** New decision context; the effects of earlier attempts; then the contact search (body: the email). */
    public void start(Exchange exchange) throws SQLException {
        OutboundEvent event = exchange.getProperty(EventSteps.EVENT, OutboundEvent.class);
        DecisionContext ctx = new DecisionContext(event, exchange.getMessage().getHeader(KeyLocks.KEY_HEADER, String.class));
        ctx.journal.putAll(journal.recall(ctx.ledgerKey));
        exchange.setProperty(DecisionContext.PROPERTY, ctx);
        exchange.setProperty("lookupCompany", event.company() != null && event.company().domain() != null);
        exchange.setProperty("lookupDeals", false);
        Message in = exchange.getMessage();
        clearObjectHeaders(in);
        in.setHeader(HubSpotRequests.PROPERTIES, CONTACT_PROPERTIES);
        in.setBody(event.contact().email());
    }

    public void contactsFound(Exchange exchange) {
        DecisionContext ctx = context(exchange);
        ctx.contacts = results(exchange.getMessage().getBody());
        String contactId = ctx.contacts.size() == 1 ? String.valueOf(ctx.contacts.get(0).get("id")) : ctx.journal.get("contacts");
        Message in = exchange.getMessage();
        clearObjectHeaders(in);
        if (contactId != null && ctx.contacts.size() <= 1) {
            exchange.setProperty("lookupDeals", true);
            in.setHeader(HubSpotRequests.OBJECT_ID, contactId);
            in.setHeader("crmPipeline", engine.pipeline(ctx.event));
        }
        in.setHeader(HubSpotRequests.PROPERTIES, COMPANY_PROPERTIES);
        in.setBody(ctx.event.company() == null ? null : ctx.event.company().domain());
    }

    public void companiesFound(Exchange exchange) {
        context(exchange).companies = results(exchange.getMessage().getBody());
    }

    @SuppressWarnings("unchecked")
    public void dealsFound(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        context(exchange).deals = body instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static void clearObjectHeaders(Message in) {
        in.removeHeader(HubSpotRequests.OBJECT_ID);
        in.removeHeader(HubSpotRequests.TO_OBJECT);
        in.removeHeader(HubSpotRequests.TO_OBJECT_ID);
        in.removeHeader(HubSpotRequests.ID_PROPERTY);
        in.removeHeader(HubSpotRequests.PROPERTIES);
        in.removeHeader("crmObject");
        in.removeHeader("crmPipeline");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Object body) {
        if (body instanceof Map<?, ?> answer && answer.get("results") instanceof List<?> results) {
            return (List<Map<String, Object>>) results;
        }
        return List.of();
    }

    static DecisionContext context(Exchange exchange) {
        return exchange.getProperty(DecisionContext.PROPERTY, DecisionContext.class);
    }
}
