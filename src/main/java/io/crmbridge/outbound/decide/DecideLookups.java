package io.crmbridge.outbound.decide;

import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.crmbridge.crm.CrmConnectors;
import io.crmbridge.crm.FieldMap;
import io.crmbridge.ledger.KeyLocks;
import io.crmbridge.model.ExchangeKeys;
import io.crmbridge.model.OutboundEvent;
import io.crmbridge.outbound.pipeline.EventSteps;

/**
 * Steps of route {@code decide-lookup}, search before create: set up each search and keep its answer on the
 * {@link DecisionContext}. Properties {@code lookupCompany} and {@code lookupDeals} say which searches apply.
 */
@ApplicationScoped
@Named("decideLookups")
public class DecideLookups {

    private final EffectJournal journal;
    private final DecisionEngine engine;
    private final CrmConnectors connectors;

    DecideLookups(EffectJournal journal, DecisionEngine engine, CrmConnectors connectors) {
        this.journal = journal;
        this.engine = engine;
        this.connectors = connectors;
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
        in.setHeader(ExchangeKeys.CRM_PROPERTIES, readProperties(exchange, "contacts"));
        in.setBody(event.contact().email());
    }

    public void contactsFound(Exchange exchange) {
        DecisionContext ctx = context(exchange);
        ctx.contacts = matches(exchange, "contacts");
        String contactId = ctx.contacts.size() == 1 ? ctx.contacts.get(0).id() : ctx.journal.get("contacts");
        Message in = exchange.getMessage();
        clearObjectHeaders(in);
        if (contactId != null && ctx.contacts.size() <= 1) {
            exchange.setProperty("lookupDeals", true);
            in.setHeader(ExchangeKeys.CRM_OBJECT_ID, contactId);
            in.setHeader(ExchangeKeys.CRM_PIPELINE, engine.pipeline(ctx.event));
        }
        in.setHeader(ExchangeKeys.CRM_PROPERTIES, readProperties(exchange, "companies"));
        in.setBody(ctx.event.company() == null ? null : ctx.event.company().domain());
    }

    public void companiesFound(Exchange exchange) {
        context(exchange).companies = matches(exchange, "companies");
    }

    @SuppressWarnings("unchecked")
    public void dealsFound(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        context(exchange).deals = body instanceof List<?> list ? (List<Match>) list : List.of();
    }

    static void clearObjectHeaders(Message in) {
        in.removeHeader(ExchangeKeys.CRM_OBJECT_ID);
        in.removeHeader(ExchangeKeys.CRM_TO_OBJECT);
        in.removeHeader(ExchangeKeys.CRM_TO_OBJECT_ID);
        in.removeHeader(ExchangeKeys.CRM_ID_PROPERTY);
        in.removeHeader(ExchangeKeys.CRM_PROPERTIES);
        in.removeHeader(ExchangeKeys.CRM_LINK_TO);
        in.removeHeader(ExchangeKeys.CRM_OBJECT);
        in.removeHeader(ExchangeKeys.CRM_PIPELINE);
    }

    /** A search answer -> its records, as contract fields. */
    private List<Match> matches(Exchange exchange, String object) {
        String connection = connectors.connectionOf(exchange);
        FieldMap fields = connectors.fieldMap(connection);
        return connectors.of(connection).records(object, exchange.getMessage().getBody()).stream()
                .map(r -> new Match(r.id(), fields.fromCrm(object, r.properties()))).toList();
    }

    private String readProperties(Exchange exchange, String object) {
        return String.join(",", connectors.fieldMap(connectors.connectionOf(exchange)).readProperties(object));
    }

    static DecisionContext context(Exchange exchange) {
        return exchange.getProperty(DecisionContext.PROPERTY, DecisionContext.class);
    }
}
