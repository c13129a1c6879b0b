package io.crmbridge.crm;

import static io.crmbridge.model.ExchangeKeys.CRM_BATCH_OPERATION;
import static io.crmbridge.model.ExchangeKeys.CRM_CONNECTION;
import static io.crmbridge.model.ExchangeKeys.CRM_ID_PROPERTY;
import static io.crmbridge.model.ExchangeKeys.CRM_LINK_TO;
import static io.crmbridge.model.ExchangeKeys.CRM_METHOD;
import static io.crmbridge.model.ExchangeKeys.CRM_OBJECT;
import static io.crmbridge.model.ExchangeKeys.CRM_OBJECT_ID;
import static io.crmbridge.model.ExchangeKeys.CRM_PATH;
import static io.crmbridge.model.ExchangeKeys.CRM_PROPERTIES;
import static io.crmbridge.model.ExchangeKeys.CRM_QUERY;
import static io.crmbridge.model.ExchangeKeys.CRM_SEARCH_FIELD;
import static io.crmbridge.model.ExchangeKeys.CRM_TO_OBJECT;
import static io.crmbridge.model.ExchangeKeys.CRM_TO_OBJECT_ID;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The steps of the per-object CRM routes (routes/crm-endpoints.yaml): read the message and its headers
 * ({@code crmObject}, {@code crmObjectId}, {@code crmToObject}, {@code crmToObjectId}, {@code crmIdProperty},
 * {@code crmProperties}, {@code crmLinkTo}), ask the connection's connector for the request, and describe it for route
 * {@code crm-call}: method, path, query and JSON body.
 */
@ApplicationScoped
@Named("crmRequests")
public class CrmRequests {

    private final CrmConnectors connectors;
    private final ObjectMapper json;

    CrmRequests(CrmConnectors connectors, ObjectMapper json) {
        this.connectors = connectors;
        this.json = json;
    }

    /** A new record: the body is its properties map; {@code crmLinkTo} (object to id) links it where the CRM can. */
    @SuppressWarnings("unchecked")
    public void create(Exchange exchange) {
        Map<String, String> linkTo = exchange.getMessage().getHeader(CRM_LINK_TO, Map.of(), Map.class);
        describe(exchange, connectors.writes(connection(exchange)).create(object(exchange), properties(exchange), linkTo));
    }

    /** Changes to record {@code crmObjectId} (or the one whose {@code crmIdProperty} has that value). */
    public void update(Exchange exchange) {
        describe(exchange, connectors.writes(connection(exchange)).update(object(exchange), required(exchange, CRM_OBJECT_ID),
                header(exchange, CRM_ID_PROPERTY), properties(exchange),
                header(exchange, io.crmbridge.model.ExchangeKeys.CRM_VERSION)));
    }

    /** Records whose property of contract field {@code crmSearchField} (through the field map) equals the body. */
    public void searchEquals(Exchange exchange) {
        String object = object(exchange);
        String field = required(exchange, CRM_SEARCH_FIELD);
        String property = connectors.fieldMap(connection(exchange)).property(object, field);
        if (property == null) {
            throw new IllegalArgumentException("connection " + connection(exchange) + " maps no CRM property for "
                    + object + "." + field);
        }
        describe(exchange, connectors.reads(connection(exchange)).searchEquals(object, property, exchange.getMessage().getBody(String.class),
                propertyList(exchange)));
    }

    /** Batch {@code crmBatchOperation} for the list of inputs in the body. */
    public void batch(Exchange exchange) {
        describe(exchange, connectors.writes(connection(exchange)).batch(object(exchange),
                BatchOperation.of(required(exchange, CRM_BATCH_OPERATION)), exchange.getMessage().getBody(List.class),
                header(exchange, CRM_ID_PROPERTY), propertyList(exchange)));
    }

    /** Upsert of the body's properties by unique property {@code crmIdProperty} = {@code crmUpsertKey}. */
    public void upsert(Exchange exchange) {
        describe(exchange, connectors.writes(connection(exchange)).upsert(object(exchange), required(exchange, CRM_ID_PROPERTY),
                Map.of(required(exchange, io.crmbridge.model.ExchangeKeys.CRM_UPSERT_KEY), properties(exchange))));
    }

    /** Records whose unique property {@code crmIdProperty} has one of the values in the body (a list). */
    @SuppressWarnings("unchecked")
    public void readByKey(Exchange exchange) {
        List<String> values = exchange.getMessage().getBody(List.class);
        describe(exchange, connectors.reads(connection(exchange)).readByKey(object(exchange), required(exchange, CRM_ID_PROPERTY),
                values, propertyList(exchange)));
    }

    /** The default association {@code crmObject/crmObjectId -> crmToObject/crmToObjectId}. */
    public void associateDefault(Exchange exchange) {
        describe(exchange, connectors.links(connection(exchange)).associate(object(exchange), required(exchange, CRM_OBJECT_ID),
                required(exchange, CRM_TO_OBJECT), required(exchange, CRM_TO_OBJECT_ID)));
    }

    /** The ids of the {@code crmToObject} records associated with {@code crmObject/crmObjectId}. */
    public void listAssociations(Exchange exchange) {
        describe(exchange, connectors.links(connection(exchange)).listAssociations(object(exchange), required(exchange, CRM_OBJECT_ID),
                required(exchange, CRM_TO_OBJECT)));
    }

    /** The owners whose email is the body. */
    public void ownerByEmail(Exchange exchange) {
        describe(exchange, connectors.owners(connection(exchange)).ownersByEmail(exchange.getMessage().getBody(String.class)));
    }

    // --- helpers ---

    /** The connection the message names, or the default one (then named on the message). */
    String connection(Exchange exchange) {
        Message in = exchange.getMessage();
        String connection = in.getHeader(CRM_CONNECTION, String.class);
        if (connection == null) {
            connection = connectors.defaultConnection();
            in.setHeader(CRM_CONNECTION, connection);
        }
        return connection;
    }

    private void describe(Exchange exchange, CrmRequest request) {
        Message in = exchange.getMessage();
        in.setHeader(CRM_METHOD, request.method());
        in.setHeader(CRM_PATH, request.path());
        in.setHeader(CRM_QUERY, request.query());
        in.setHeader(io.crmbridge.model.ExchangeKeys.CRM_IF_MATCH, request.ifMatch());
        in.setBody(request.body() == null ? null : toJson(request.body()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Exchange exchange) {
        Map<String, Object> body = exchange.getMessage().getBody(Map.class);
        if (body == null) {
            throw new IllegalArgumentException("a create or update needs a properties map as body");
        }
        return body;
    }

    private static String object(Exchange exchange) {
        return required(exchange, CRM_OBJECT);
    }

    private static List<String> propertyList(Exchange exchange) {
        String list = header(exchange, CRM_PROPERTIES);
        return list == null || list.isBlank() ? List.of() : List.of(list.trim().split("\\s*,\\s*"));
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    private static String required(Exchange exchange, String header) {
        String value = header(exchange, header);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + header + " is required for this CRM request");
        }
        return value;
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
    }
}
